"""Dialogs: forms that create or change records through services."""
