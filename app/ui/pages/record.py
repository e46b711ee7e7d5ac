"""The record page: graded calls, accuracy with its interval beside baselines, worst misses."""

from __future__ import annotations

import reflex as rx

from app.ui.state.record import MissRow, RecordState, RecordView


def _miss(row: MissRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.symbol),
        rx.table.cell(row.interval),
        rx.table.cell(row.provider),
        rx.table.cell(row.bias),
        rx.table.cell(row.as_of),
        rx.table.cell(row.move_atr),
        rx.table.cell(row.max_adverse_atr),
    )


def _scope(view: RecordView, scope: str) -> rx.Component:
    return rx.vstack(
        rx.heading(view.title, size="4"),
        rx.text(view.graded, " graded calls. ", view.summary, id=f"record-{scope}-summary"),
        rx.text(view.neutral, size="2", color_scheme="gray"),
        rx.cond(
            view.bars.length() > 0,
            rx.recharts.bar_chart(
                rx.recharts.bar(data_key="accuracy_pct", name="accuracy %", fill="#4c78a8"),
                rx.recharts.bar(data_key="low_pct", name="95% low", fill="#9ecae9"),
                rx.recharts.bar(data_key="high_pct", name="95% high", fill="#9ecae9"),
                rx.recharts.x_axis(data_key="name"),
                rx.recharts.y_axis(domain=[0, 100]),
                rx.recharts.legend(),
                rx.recharts.graphing_tooltip(),
                data=view.chart,
                width="100%",
                height=240,
            ),
        ),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell("calls"),
                    rx.table.column_header_cell("accuracy"),
                    rx.table.column_header_cell("95% interval"),
                    rx.table.column_header_cell("decided"),
                    rx.table.column_header_cell("these calls against it"),
                )
            ),
            rx.table.body(
                rx.foreach(
                    view.bars,
                    lambda bar: rx.table.row(
                        rx.table.cell(bar.name),
                        rx.table.cell(bar.accuracy_pct, "%"),
                        rx.table.cell(bar.low_pct, "–", bar.high_pct, "%"),
                        rx.table.cell(bar.decided),
                        rx.table.cell(bar.verdict),
                    ),
                )
            ),
            width="100%",
        ),
        rx.heading("Worst misses", size="3"),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *(
                        rx.table.column_header_cell(name)
                        for name in (
                            "symbol",
                            "interval",
                            "analyst",
                            "call",
                            "made at",
                            "move (ATR)",
                            "worst against (ATR)",
                        )
                    )
                )
            ),
            rx.table.body(rx.foreach(view.misses, _miss)),
            width="100%",
        ),
        spacing="3",
        width="100%",
    )


def record_page() -> rx.Component:
    return rx.container(
        rx.vstack(
            rx.hstack(
                rx.link(rx.hstack(rx.icon("arrow-left"), rx.text("Chat")), href="/"),
                rx.heading("Track record", size="6"),
                align="center",
                spacing="4",
            ),
            rx.text(
                "Each reading's call graded on the bars after it: right or wrong by a move of "
                "0.5 ATR, flat otherwise; accuracy beside always-majority and a coin on the "
                "same calls.",
                size="2",
                color_scheme="gray",
            ),
            _scope(RecordState.mine, "mine"),
            _scope(RecordState.everyone, "everyone"),
            spacing="5",
            padding_y="1em",
        ),
        size="4",
    )
