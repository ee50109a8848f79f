"""Errors a user can cause and fix; anything else raised from the domain is a bug."""

from __future__ import annotations


class DomainError(ValueError):
    """A rule of the scheme refused the input. The message is meant for the user."""


class InvalidNik(DomainError):
    """A NIK that cannot be a real NIK (wrong length, impossible date, serial 0000...)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


class InvalidPremiumRequest(DomainError):
    """Income, period or date outside what the rate rules allow."""


class RateTableError(DomainError):
    """A rate table file is malformed or leaves a date uncovered."""


class RegistrationRefused(DomainError):
    """A participant cannot be registered (age limit, missing required field...)."""


class ReceiptRefused(DomainError):
    """A payment or a void that the receipt rules do not allow."""
