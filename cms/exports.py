"""Spreadsheet exports that a spreadsheet program cannot mistake for formulas.

A cell whose text begins with = + - @ (or a tab or carriage return) is run as a
formula by Excel and LibreOffice: an address like ``=HYPERLINK(...)@x.nl`` typed
into a public form must arrive as text. Every export of the platform uses this.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix formula-like text with an apostrophe so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For Wagtail's SpreadsheetExportMixin views (snippet and model listings)."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
