"""A scan's answer: progress, the table of matches (sorted by any column), and why each
failed symbol failed. A row opens its symbol's full analysis as the next turn."""

from __future__ import annotations

import reflex as rx
from reflex_base.style import resolved_color_mode

from app.services.chat_views import ScanRowView, UiMessage
from app.ui.components.markdown_text import markdown_text
from app.ui.state.scan_table import ScanTableState

# (sort key, header): the keys are `app.services.scan_chat.SORT_COLUMNS`.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("symbol", "Symbol"),
    ("setup", "Setup"),
    ("", "Level"),
    ("distance_pct", "Distance %"),
    ("distance_atr", "Distance ATR"),
    ("stats", "Level statistics (vs random levels)"),
    ("trend", "Trend"),
    ("last_bar", "Last bar"),
)


def _header(message: UiMessage, key: str, label: str) -> rx.Component:
    if not key:
        return rx.table.column_header_cell(label)
    sorted_here = message.scan_sort == key
    return rx.table.column_header_cell(
        rx.text(label, rx.cond(sorted_here, rx.cond(message.scan_descending, " ↓", " ↑"), "")),
        on_click=ScanTableState.sort(message.id, key),
        cursor="pointer",
        white_space="nowrap",
        class_name="scan-sort",
        data_column=key,
        data_sorted=rx.cond(sorted_here, rx.cond(message.scan_descending, "desc", "asc"), ""),
    )


def _verdict(row: ScanRowView) -> rx.Component:
    return rx.badge(
        row.verdict,
        color_scheme=rx.match(
            row.verdict,
            ("edge", "green"),
            ("worse than random", "red"),
            ("not enough history", "amber"),
            "gray",
        ),
        variant="soft",
    )


def _row(row: ScanRowView, page_width: rx.Var[int]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.symbol, weight="bold"), class_name="scan-symbol"),
        rx.table.cell(row.setup),
        rx.table.cell(row.level),
        rx.table.cell(row.distance_pct, class_name="scan-distance-pct"),
        rx.table.cell(row.distance_atr, class_name="scan-distance-atr"),
        rx.table.cell(
            rx.vstack(
                rx.hstack(
                    rx.cond(row.verdict != "", _verdict(row)),
                    rx.text(row.stats, size="1"),
                    align="center",
                    wrap="wrap",
                ),
                rx.cond(row.pooled != "", rx.text(row.pooled, size="1", color_scheme="gray")),
                spacing="1",
            ),
        ),
        rx.table.cell(row.trend),
        rx.table.cell(row.last_bar, white_space="nowrap"),
        on_click=ScanTableState.open_row(row.ask, resolved_color_mode, page_width),
        cursor="pointer",
        title="Open the full analysis",
        class_name="scan-row",
        data_symbol=row.symbol,
    )


def _failures(message: UiMessage) -> rx.Component:
    return rx.vstack(
        rx.text("Why they failed", size="1", weight="bold"),
        rx.foreach(
            message.scan_failures,
            lambda failure: rx.text(failure, size="1", class_name="scan-failure"),
        ),
        spacing="1",
        class_name="scan-failures",
    )


def scan_card(message: UiMessage, page_width: rx.Var[int]) -> rx.Component:
    """`page_width` is the page's width when a row is clicked: the analysis it opens is
    drawn for it, as a sent message's is."""
    running = message.scan_status == "running"
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(message.title, size="3"),
                rx.spacer(),
                rx.badge(message.scan_status, variant="soft", class_name="scan-status"),
                width="100%",
                align="center",
                wrap="wrap",
            ),
            rx.hstack(
                rx.cond(running, rx.spinner(size="1")),
                rx.text(message.scan_progress, size="2", class_name="scan-progress"),
                rx.cond(
                    running & (message.scan_id != ""),
                    rx.button(
                        "Cancel",
                        size="1",
                        variant="soft",
                        color_scheme="red",
                        on_click=ScanTableState.cancel(message.scan_id),
                        class_name="scan-cancel",
                    ),
                ),
                align="center",
            ),
            markdown_text(text=message.text, class_name="scan-summary"),
            rx.foreach(
                message.scan_notes,
                lambda note: rx.text(note, size="1", color_scheme="gray", class_name="scan-note"),
            ),
            rx.cond(
                message.scan_rows.length() > 0,
                rx.box(
                    rx.table.root(
                        rx.table.header(
                            rx.table.row(*[_header(message, key, label) for key, label in COLUMNS])
                        ),
                        rx.table.body(rx.foreach(message.scan_rows, lambda r: _row(r, page_width))),
                        size="1",
                        variant="surface",
                        class_name="scan-table",
                    ),
                    overflow_x="auto",
                    width="100%",
                ),
            ),
            rx.cond(message.scan_failures.length() > 0, _failures(message)),
            spacing="2",
            width="100%",
        ),
        width="100%",
        class_name="scan-card",
        data_status=message.scan_status,
    )
