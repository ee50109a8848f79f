"""Wire types for a laptop that must become a new device (`POST /v1/devices/fork`).

A laptop restored from a backup, or a database copied to a second laptop, still carries the
device id the server knows, but not all the work the server holds under it: its sequence
numbers would be used twice and the server's changes of that id would never come back to it
(a pull leaves out the puller's own changes). Such a laptop asks, with its current token, for
a fresh device id of the same account and a token for it; its unsent work then travels under
the new id and everything of the old id reaches it by the ordinary pull.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from outreach_app.sync.protocol import PROTOCOL_VERSION

DEVICE_NAME_LENGTH = 128  # what the server's token table keeps


class ForkRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    device_name: str | None = Field(
        default=None,
        max_length=DEVICE_NAME_LENGTH,
        description="the name the new device goes by (default: the current device's)",
    )


class ForkResponse(BaseModel):
    device_id: str = Field(description="the new device id the server issued")
    token: str = Field(description="the token of the new device (same account)")
    device_seq: int = Field(default=0, description="always 0: the new device holds nothing yet")
