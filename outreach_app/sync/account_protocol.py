"""Wire models for tokens and devices: renewing a token before it expires, and the branch
staff's list of the devices bound to their accounts. (Apart from protocol.py, which carries
the data itself.)"""

from __future__ import annotations

from pydantic import BaseModel, Field, RootModel


class TokenRenewal(BaseModel):
    """The answer of POST /v1/token/renew: the new token; the one sent stops working."""

    token: str
    expires_at: str = Field(description="when the new token stops working (ISO 8601, UTC)")


class DeviceInfo(BaseModel):
    """A device as the server knows it: bound to one account since its first sign-in."""

    device_id: str
    device_name: str
    username: str = Field(description="the account the device is bound to")
    role: str
    first_seen: str
    last_seen: str
    revoked_at: str | None = Field(
        default=None, description="set: no account signs in on it until staff enable it"
    )
    revoked_by: str | None = None
    live_tokens: int = Field(description="tokens neither revoked nor expired")


class DeviceList(RootModel[list[DeviceInfo]]):
    """The answer of GET /v1/devices."""


class DeviceAction(BaseModel):
    """The answer of revoking or enabling a device."""

    device: DeviceInfo
    tokens_revoked: int = 0
