"""Wire models for receipt prefixes (`POST /v1/receipt-prefix`): a laptop reserves the prefix
it numbers receipts with, asks for a readable one, or is assigned one.

The prefix is typed at the edge like every other field: 2-12 ASCII letters or digits (what
the laptop's device table holds), so odd characters, spaces, a NUL or 10 KB of text are a 422
with the reason before any rule runs. The rules (server/receipt_prefixes.py) then say which
of those a device may hold.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from outreach_app.sync.protocol import PROTOCOL_VERSION

PrefixText = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{2,12}$")]
# what a laptop stores (its device table's CHECK): an answer with anything else is unreadable
ReservedPrefix = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{2,12}$")]


class PrefixRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    prefix: PrefixText | None = Field(
        default=None,
        description="the prefix to reserve for this device (upper-cased); none: assign one "
        "(this device's own derived prefix when free)",
    )
    intent: Literal["keep", "request"] = Field(
        default="keep",
        description="keep: the prefix the laptop numbers with now (its derived one, or one it "
        "had before prefixes were reserved); request: a readable one staff asked for "
        "(2-10 letters or digits)",
    )


class PrefixAnswer(BaseModel):
    prefix: ReservedPrefix = Field(
        description="the prefix reserved for this device: number with it"
    )
    source: str = Field(description="derived | requested | assigned | kept")
    reserved_at: str
    held: list[ReservedPrefix] = Field(
        default_factory=list, description="every prefix this device holds (older ones too)"
    )
