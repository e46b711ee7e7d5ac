"""Small, single-purpose pieces of the chat page."""

from __future__ import annotations

import plotly.graph_objects as go
import reflex as rx
from reflex_base.style import resolved_color_mode

from app.services.chat_views import CompareRowView, LevelRow, UiMessage
from app.services.conversations import FIGURE_HEIGHTS
from app.ui.components.markdown_text import markdown_text
from app.ui.components.scan_table import scan_card
from app.ui.state.chat import (
    EXAMPLE_PROMPTS,
    INTERVALS,
    LEGS,
    PERIODS,
    PHONE_PLACEHOLDER,
    PLACEHOLDER,
    TOOLS,
    ChatState,
)

UPLOAD_ID = "csv-upload"
# The page's width when the user sends: a phone gets a chart laid out for it.
PAGE_WIDTH: rx.Var[int] = rx.Var("window.innerWidth", _var_type=int)


def example_prompt(prompt: str) -> rx.Component:
    return rx.button(
        prompt,
        variant="soft",
        size="2",
        on_click=ChatState.set_draft(prompt),
        class_name="example-prompt",
    )


def welcome_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Ask for an analysis", size="5"),
            rx.text(
                "Type a request in plain English, or pick a tool below and type just a symbol. "
                "You get an annotated chart, Fibonacci levels drawn from confirmed swings, each "
                "level's hit-rate beside random levels with a plain verdict, and a reading of "
                "the chart whose numbers are checked against the analysis.",
                color_scheme="gray",
            ),
            rx.flex(*[example_prompt(p) for p in EXAMPLE_PROMPTS], wrap="wrap", spacing="2"),
            spacing="3",
        ),
        width="100%",
        id="welcome",
    )


def chip_badges(message: UiMessage) -> rx.Component:
    return rx.hstack(
        rx.foreach(message.chips, lambda c: rx.badge(c, variant="surface", class_name="sent-chip")),
        spacing="1",
    )


def user_bubble(message: UiMessage) -> rx.Component:
    return rx.vstack(
        rx.cond(message.chips.length() > 0, chip_badges(message)),
        rx.cond(
            message.text != "",
            rx.box(
                rx.text(message.text, white_space="pre-wrap"),
                background=rx.color("accent", 3),
                padding="0.6em 0.9em",
                border_radius="12px",
            ),
        ),
        align="end",
        align_self="flex-end",
        max_width="85%",
        spacing="1",
        class_name="chat-message",
        data_role="user",
    )


def level_row(row: LevelRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.cond(row.nearest, rx.text(row.ratio, weight="bold"), rx.text(row.ratio))),
        rx.table.cell(row.price, class_name="level-price"),
        rx.table.cell(row.hit_rate),
        class_name="level-row",
    )


def levels_table(message: UiMessage) -> rx.Component:
    return rx.table.root(
        rx.table.header(
            rx.table.row(
                rx.table.column_header_cell("Level"),
                rx.table.column_header_cell("Price"),
                rx.table.column_header_cell("Held vs random levels"),
            )
        ),
        rx.table.body(rx.foreach(message.levels, level_row)),
        size="1",
        variant="surface",
        class_name="levels-table",
    )


def ungrounded_note(message: UiMessage) -> rx.Component:
    return rx.callout(
        rx.hstack(
            rx.text("Not in the analysis, check before relying on:"),
            rx.foreach(
                message.ungrounded,
                lambda n: rx.badge(n, color_scheme="amber", class_name="ungrounded"),
            ),
            wrap="wrap",
        ),
        icon="triangle_alert",
        color_scheme="amber",
        size="1",
    )


def summary_panel(message: UiMessage) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(message.title, size="3"),
            rx.spacer(),
            rx.badge(message.provider, variant="soft", class_name="provider-badge"),
            width="100%",
            align="center",
        ),
        rx.cond(message.notice != "", rx.text(message.notice, size="1", color_scheme="amber")),
        markdown_text(text=message.text, class_name="ai-summary"),
        rx.cond(message.ungrounded.length() > 0, ungrounded_note(message)),
        rx.cond(message.levels.length() > 0, levels_table(message)),
        rx.foreach(
            message.leg_lines,
            lambda line: rx.text(line, size="1", color_scheme="gray", class_name="leg-line"),
        ),
        rx.hstack(
            rx.link(
                rx.button(rx.icon("image-down", size=16), "PNG", variant="soft", size="1"),
                href=message.chart_url,
                is_external=True,
                class_name="download-png",
            ),
            rx.button(
                rx.icon("file-json", size=16),
                "JSON",
                variant="soft",
                size="1",
                on_click=ChatState.download_json(message.analysis_id),
                class_name="download-json",
            ),
        ),
        spacing="2",
        width="100%",
    )


CHART_HEIGHT = rx.cond(ChatState.phone, FIGURE_HEIGHTS["phone"], FIGURE_HEIGHTS["laptop"])
PILL_TOOLS: tuple[tuple[str, str], ...] = tuple(t for t in TOOLS if t[0] not in ("summary", "scan"))


def live_figure(message: UiMessage, height: str | rx.Var[str], class_name: str) -> rx.Component:
    """The answer's interactive chart, drawn with the theme the server gave its figure.

    `template=None` turns off Reflex's own colour-mode template: merging it into the figure
    built a new object on every render, so every chart on the page was redrawn on every
    state change (each progress step of a later answer redrew all earlier charts).

    Plotly's finance bundle (candlestick, bar, scatter: all our charts use) is a third of
    the full library's size, so the page is ready to draw sooner."""
    return rx.plotly.finance(
        # The state holds the figure's plain JSON, which is what the component draws.
        data=ChatState.figures[message.id].to(go.Figure),
        template=None,
        use_resize_handler=True,
        width="100%",
        height=height,
        class_name=class_name,
    )


def expand_button(message: UiMessage) -> rx.Component:
    """Opens the chart full screen; Esc or the close button brings the chat back."""
    return rx.dialog.root(
        rx.dialog.trigger(
            rx.icon_button(
                rx.icon("maximize-2", size=16),
                variant="soft",
                size="1",
                aria_label="Expand chart",
                class_name="expand-chart",
            )
        ),
        rx.dialog.content(
            rx.hstack(
                rx.dialog.title(message.title, size="3", margin="0"),
                rx.spacer(),
                rx.dialog.close(
                    rx.icon_button(
                        rx.icon("x", size=16),
                        variant="soft",
                        size="1",
                        aria_label="Close chart",
                        class_name="close-chart",
                    )
                ),
                width="100%",
                align="center",
            ),
            rx.cond(
                message.has_figure,
                live_figure(message, "82vh", "chart-figure-expanded"),
                rx.image(src=message.chart_url, width="100%", alt="chart"),
            ),
            max_width="96vw",
            width="96vw",
            class_name="chart-dialog",
        ),
    )


def chart_skeleton() -> rx.Component:
    """Holds the chart's place, spinning, until the chart draws over it."""
    return rx.center(
        rx.vstack(rx.spinner(size="3"), rx.text("Drawing the chart…", size="1"), align="center"),
        position="absolute",
        inset="0",
        background=rx.color("gray", 2),
        border_radius="8px",
        color=rx.color("gray", 10),
        class_name="chart-skeleton",
    )


def chart_panel(message: UiMessage) -> rx.Component:
    return rx.box(
        rx.cond(
            message.has_figure,
            rx.box(
                chart_skeleton(),
                # Above the skeleton: the figure's opaque paper hides it once drawn.
                rx.box(
                    live_figure(
                        message,
                        CHART_HEIGHT,
                        "chart-figure",
                    ),
                    position="relative",
                    height=CHART_HEIGHT,
                    # Plotly measures its text as it draws (dozens of forced layouts):
                    # contained, each one lays out this box, not the whole chat.
                    contain="strict",
                ),
                position="relative",
                min_height=CHART_HEIGHT,
            ),
            rx.image(src=message.chart_url, width="100%", class_name="chart-image", alt="chart"),
        ),
        rx.hstack(
            rx.button(
                "Legend",
                size="1",
                variant="soft",
                on_click=ChatState.toggle_legends,
                class_name="legend-toggle",  # shown on a phone-sized page (pages/chat.py)
            ),
            expand_button(message),
            position="absolute",
            top="4px",
            right="4px",
            spacing="1",
            z_index="2",
        ),
        position="relative",
        width="100%",
    )


def _pill(
    message: UiMessage, field: str, value: str, items: tuple[tuple[str, str], ...]
) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(variant="soft", radius="full", class_name=f"plan-pill plan-{field}"),
        rx.select.content(*[rx.select.item(label, value=v) for v, label in items]),
        value=value,
        on_change=lambda choice: ChatState.rerun(message.id, field, choice),
        size="1",
    )


def plan_pills(message: UiMessage) -> rx.Component:
    """The effective plan above an answer; changing a pill re-runs it with that change."""
    return rx.cond(
        message.plan_tool != "",
        rx.flex(
            rx.cond(
                (message.plan_tool != "compare") & (message.plan_tool != "quote"),
                _pill(message, "tool", message.plan_tool, PILL_TOOLS),
                rx.badge(
                    rx.cond(message.plan_tool == "compare", "Compare", "Quote"),
                    variant="soft",
                    radius="full",
                ),
            ),
            rx.badge(
                message.plan_symbol, variant="surface", radius="full", class_name="plan-symbol"
            ),
            rx.cond(
                message.plan_period != "",
                _pill(message, "period", message.plan_period, PERIODS),
            ),
            rx.cond(
                message.plan_interval != "",
                _pill(message, "interval", message.plan_interval, tuple((i, i) for i in INTERVALS)),
            ),
            rx.cond(
                message.plan_leg != "",
                _pill(message, "leg", message.plan_leg, tuple((leg, f"{leg} leg") for leg in LEGS)),
            ),
            rx.text(message.plan_label, class_name="plan-label", display="none"),
            spacing="1",
            wrap="wrap",
            align="center",
            class_name="plan-pills",
        ),
    )


def analysis_card(message: UiMessage) -> rx.Component:
    # The chart takes the answer's width; the reading goes below it on narrow screens and
    # beside it (a narrower column) on wide ones.
    return rx.card(
        rx.flex(
            rx.box(chart_panel(message), flex="1 1 0", min_width="0", width="100%"),
            rx.box(
                summary_panel(message),
                width=rx.breakpoints(initial="100%", xl="360px"),
                flex_shrink="0",
            ),
            direction=rx.breakpoints(initial="column", xl="row"),
            spacing="4",
            width="100%",
        ),
        width="100%",
        class_name="analysis-card",
    )


def compare_row(row: CompareRowView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.symbol),
        rx.table.cell(row.last),
        rx.table.cell(row.change),
        rx.table.cell(row.trend),
        rx.table.cell(row.support),
        rx.table.cell(row.resistance),
        class_name="compare-row",
    )


def compare_card(message: UiMessage) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.cond(message.has_figure, live_figure(message, "420px", "compare-figure")),
            rx.text(message.text),
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell("Symbol"),
                        rx.table.column_header_cell("Last"),
                        rx.table.column_header_cell("Change"),
                        rx.table.column_header_cell("Trend"),
                        rx.table.column_header_cell("Nearest support"),
                        rx.table.column_header_cell("Nearest resistance"),
                    )
                ),
                rx.table.body(rx.foreach(message.compare, compare_row)),
                size="1",
            ),
            width="100%",
        ),
        width="100%",
        class_name="compare-card",
    )


def quote_card(message: UiMessage) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.vstack(
                rx.text(message.quote_name, weight="bold", class_name="quote-name"),
                rx.hstack(
                    rx.text(message.quote_last, size="5", weight="bold", white_space="nowrap"),
                    rx.text(
                        message.quote_change,
                        color_scheme=rx.cond(message.quote_up, "green", "red"),
                        white_space="nowrap",
                    ),
                    align="baseline",
                    wrap="wrap",
                ),
                rx.text(message.text, size="1", color_scheme="gray"),
                spacing="1",
                min_width="0",
            ),
            rx.cond(
                message.has_figure,
                rx.box(live_figure(message, "90px", "quote-sparkline"), width="220px"),
            ),
            width="100%",
            justify="between",
            wrap="wrap",
        ),
        max_width="560px",
        width="100%",
        class_name="quote-card",
    )


def text_bubble(message: UiMessage) -> rx.Component:
    return rx.box(
        markdown_text(text=message.text, class_name=""),
        background=rx.color("gray", 3),
        padding="0.6em 0.9em",
        border_radius="12px",
        max_width="85%",
    )


def assistant_message(message: UiMessage) -> rx.Component:
    return rx.box(
        plan_pills(message),
        rx.match(
            message.kind,
            ("analysis", analysis_card(message)),
            ("compare", compare_card(message)),
            ("quote", quote_card(message)),
            ("scan", scan_card(message, PAGE_WIDTH)),
            (
                "progress",
                rx.hstack(
                    rx.spinner(size="2"),
                    rx.text(message.text, color_scheme="gray"),
                    class_name="progress",
                ),
            ),
            (
                "streaming",
                rx.box(
                    markdown_text(text=message.text, class_name=""),
                    class_name="streaming-reading",
                    background=rx.color("gray", 3),
                    padding="0.6em 0.9em",
                    border_radius="12px",
                    max_width="85%",
                ),
            ),
            (
                "error",
                rx.callout(
                    message.text, icon="circle_alert", color_scheme="red", class_name="chat-error"
                ),
            ),
            text_bubble(message),
        ),
        width="100%",
        class_name="chat-message",
        data_role="assistant",
        data_kind=message.kind,
    )


def message_view(message: UiMessage) -> rx.Component:
    return rx.cond(message.role == "user", user_bubble(message), assistant_message(message))


def message_area() -> rx.Component:
    return rx.vstack(
        rx.cond(ChatState.messages.length() == 0, welcome_card()),
        rx.foreach(ChatState.messages, message_view),
        width="100%",
        spacing="3",
        padding_y="1em",
        id="message-area",
    )


def tool_chip(tool: tuple[str, str]) -> rx.Component:
    key, label = tool
    selected = ChatState.chips.contains(key)
    return rx.button(
        label,
        rx.cond(selected, rx.icon("x", size=14)),
        size="1",
        variant=rx.cond(selected, "solid", "outline"),
        radius="full",
        on_click=ChatState.toggle_chip(key),
        class_name="tool-chip",
        data_tool=key,
        data_selected=selected,
    )


def upload_chip() -> rx.Component:
    return rx.upload.root(
        rx.button(
            rx.icon("upload", size=14),
            "Upload CSV",
            size="1",
            variant="outline",
            radius="full",
            class_name="tool-chip",
        ),
        id=UPLOAD_ID,
        accept={"text/csv": [".csv"]},
        max_files=1,
        on_drop=ChatState.handle_upload(rx.upload_files(upload_id=UPLOAD_ID)),
        border="none",
        padding="0",
    )


def selectors() -> rx.Component:
    return rx.hstack(
        rx.select.root(
            rx.select.trigger(
                placeholder="Period", aria_label="Period", class_name="period-select"
            ),
            rx.select.content(*[rx.select.item(label, value=v) for v, label in PERIODS]),
            value=ChatState.period,
            on_change=ChatState.set_period,
            size="1",
        ),
        rx.select.root(
            rx.select.trigger(
                placeholder="Interval", aria_label="Interval", class_name="interval-select"
            ),
            rx.select.content(*[rx.select.item(i, value=i) for i in INTERVALS]),
            value=ChatState.interval,
            on_change=ChatState.set_interval,
            size="1",
        ),
        spacing="2",
    )


# Enter sends and Shift+Enter adds a line: the form is submitted from the keyboard here
# (Reflex's `enter_key_submit` reaches the DOM as an unknown attribute, a React warning).
ENTER_SENDS = """
document.addEventListener('keydown', (event) => {
  const box = event.target;
  if (box.id !== 'chat-input' || event.key !== 'Enter' || event.shiftKey || event.isComposing) {
    return;
  }
  event.preventDefault();
  box.form && box.form.requestSubmit();
});
"""


# A new message or answer brings its top into view (on a phone: the answer, not the older
# chat above it); watched in the browser, so no server round trip is needed.
SHOW_NEWEST = """
(() => {
  const watch = () => {
    const area = document.getElementById('message-area');
    if (!area) { setTimeout(watch, 200); return; }
    let count = area.querySelectorAll('.chat-message').length;
    new MutationObserver(() => {
      const shown = area.querySelectorAll('.chat-message');
      if (shown.length > count) {
        shown[shown.length - 1].scrollIntoView({block: 'start'});
      }
      count = shown.length;
    }).observe(area, {childList: true, subtree: true});
  };
  watch();
})();
"""


def composer() -> rx.Component:
    # Esc anywhere on the page clears the attached tool.
    return rx.fragment(
        rx.window_event_listener(on_key_down=ChatState.on_key),
        rx.script(ENTER_SENDS),
        rx.script(SHOW_NEWEST),
        composer_body(),
    )


def composer_body() -> rx.Component:
    return rx.vstack(
        # On a phone the chips stay one row that scrolls sideways, so the chat keeps the screen.
        rx.flex(
            *[tool_chip(t) for t in TOOLS],
            upload_chip(),
            rx.spacer(),
            selectors(),
            wrap=rx.breakpoints(initial="nowrap", md="wrap"),
            overflow_x=rx.breakpoints(initial="auto", md="visible"),
            flex_shrink="0",
            spacing="2",
            width="100%",
            align="center",
            class_name="composer-chips",
            style={"scrollbarWidth": "none"},
        ),
        rx.form(
            rx.hstack(
                rx.text_area(
                    value=ChatState.draft,
                    on_change=ChatState.set_draft,
                    placeholder=rx.cond(ChatState.phone, PHONE_PLACEHOLDER, PLACEHOLDER),
                    size="3",
                    flex="1",
                    rows="1",
                    resize="vertical",
                    id="chat-input",
                    aria_label="Message",
                    auto_focus=True,
                ),
                rx.button(
                    rx.icon("send"),
                    "Send",
                    type="submit",
                    size="3",
                    id="send-button",
                    loading=ChatState.busy,
                ),
                width="100%",
                align="end",
            ),
            on_submit=lambda _: ChatState.send(resolved_color_mode, PAGE_WIDTH),
            reset_on_submit=False,
            width="100%",
        ),
        width="100%",
        spacing="2",
    )
