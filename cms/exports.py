"""Spreadsheet exports that a spreadsheet program cannot mistake for formulas.

A cell whose text begins with = + - @ (or a tab or carriage return) is run as a
formula by Excel and LibreOffice: an address like ``=HYPERLINK(...)@x.nl`` typed
into a public form must arrive as text. Every export of the platform uses this.
"""

import csv
import io

from django.http import HttpResponse

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


def spreadsheet_response(filename, header, rows, file_format="xlsx"):
    """An XLSX (default) or CSV download of ``rows`` under ``header``, formula-safe."""
    kind = "text/csv; charset=utf-8" if file_format == "csv" else XLSX_TYPE
    response = HttpResponse(spreadsheet_bytes(header, rows, file_format), content_type=kind)
    response["Content-Disposition"] = (
        f'attachment; filename="{filename}.{"csv" if file_format == "csv" else "xlsx"}"'
    )
    return response


def spreadsheet_bytes(header, rows, file_format="xlsx"):
    """The file itself, for a download now or a background job's result."""
    if file_format != "csv":
        return xlsx_bytes(header, rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode()


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(header, rows):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in [header, *rows]:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, neutralise(value))
            if cell.data_type == "f":
                cell.data_type = "s"  # text that openpyxl took for a formula stays text
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
