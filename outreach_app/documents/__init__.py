"""Printed documents as PDF bytes: registration forms, receipts, payer lists, visit reports.

Domain records (and the few strings a service prepares, such as a receipt's signed QR text) go
in; PDF bytes come out. reportlab lives only here (an import-linter contract checks it). Every
document embeds the DejaVu fonts shipped in resources/fonts, so Indonesian text prints the same
on every machine, and a demo database marks every page as demo.
"""
