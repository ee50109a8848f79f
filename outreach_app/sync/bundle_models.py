"""The body of a laptop's changes bundle, typed and bounded like a push: a bundle reaches the
server over HTTP (`POST /v1/bundle`) as well as from a USB stick, and its JSON is the sender's
to write. The signature proves who made it, not that it is well formed."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from outreach_app.sync.protocol import MAX_SEQ, Change
from outreach_app.sync.wire_types import DeviceName, LaptopId, Username

MAX_BUNDLE_CHANGES = 1_000_000  # what a laptop puts in one bundle at most


class ChangesBundle(BaseModel):
    """What `services.sync` writes in a changes bundle (other keys, such as `created_at`,
    are ignored)."""

    model_config = ConfigDict(extra="ignore")

    kind: Literal["changes"]
    username: Username
    device_id: LaptopId
    device_name: DeviceName = ""
    cursor: int = Field(default=0, ge=0, le=MAX_SEQ)
    changes: list[Change] = Field(default_factory=list, max_length=MAX_BUNDLE_CHANGES)
