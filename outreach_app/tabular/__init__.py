"""Spreadsheet files in and out (CSV and XLSX): reading lists to import, writing exports.

A file format, like documents/: it takes records or cells in and gives cells or files out,
and never touches the database. openpyxl is imported only here.
"""
