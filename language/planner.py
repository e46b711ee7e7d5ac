"""The planning rules: regular expressions and keywords, no model, no network.

How a message becomes a plan:
1. The interval, the time window, then a Fibonacci ratio ("the 0.618") are read and cut out
   of the text (`periods`, `ratios`).
2. The tool comes from keywords (`intents`), or from the ratio (a ratio is a Fibonacci
   level); market names from `mentions` and the resolver.
3. Follow-ups borrow from the last call about a symbol in the conversation. A message that
   names a tool but no symbol uses the last symbols ("summarize what you found", "now the
   structure"); one that names symbols but no tool repeats the last tool ("now do the same
   for AMD"); one that names neither but a window, interval, leg or ratio changes only that
   ("zoom out to 2 years", "now the weekly", "use the latest swing", "what about the
   0.618?"). Whatever a follow-up does not say (window, interval, leg, ratio) it keeps; a
   message that names both a tool and a symbol starts afresh.
4. A scan ("scan the S&P 500 for golden pockets", "which of my watchlist broke structure
   this week") reads its universe first (so "the S&P 500" is its members, not the index),
   then the numbers that tune its setups, the bar size and window, and the setups
   (`language.scans`); named symbols stand in for a universe. A message right after a scan
   that names only a universe, a window or a bar size ("now the nasdaq 100") scans again
   with the same setups.
5. Otherwise the plan is a direct reply: small talk answered in a line ("thanks", "hi", "ok
   cool"), a question back (which market?), or a clear refusal for anything that is not
   about markets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Literal

from language.intents import main_tool, tools_named
from language.mentions import find_mentions
from language.models import Conversation, Plan, PlannedCall
from language.periods import Window, find_interval, find_window, zoom
from language.ratios import find_ratio
from language.resolver import SymbolResolver
from language.universes import find_universe
from language.vocabulary import FIB_RATIOS, Interval, Period, ScanUniverse, ToolName

PLANNER_NAME = "offline"
MAX_MESSAGE_CHARS = 2000

EXAMPLES = "“fib on TSLA over 3 months”, “compare apple and microsoft over 6 months” or “help”"
REFUSAL = f"I can't help with that: I read markets (charts, Fibonacci, structure, support and resistance, quotes). Try {EXAMPLES}."  # noqa: E501
GREETING = f"Hello! Ask me about any market, for example {EXAMPLES}."
THANKS = "You're welcome. Ask for another market or another time frame whenever you like."
OKAY = "Good. Ask for another market or another time frame whenever you like."
GOODBYE = "Goodbye! Come back for another chart whenever you like."
HOW_ARE_YOU = f"All well, thanks. Ask me about any market, for example {EXAMPLES}."
EMPTY = f"Type a request, for example {EXAMPLES}."
TOO_LONG = (
    f"That message is too long to read as a request ({MAX_MESSAGE_CHARS} characters at most)."
)
NOTHING_YET = f"There is nothing to summarize yet: ask for an analysis first, e.g. {EXAMPLES}."
NOT_ADVICE = "This is not investment advice: here is what the levels and structure say."
NO_UNIVERSE = (
    "No universe named: scanning the bundled sample (also: the S&P 500, Nasdaq-100, Dow 30, "
    "FX, crypto, futures, or your watchlist)."
)
SCAN_DATES = "A scan reads each series' latest history: dates are not used, only a period."
RECENT_ONLY_BREAKS = (
    "A window only says how recent a structure break must be; the other setups test the last bar."
)

_END = r"[\s!?.,:;)(]*(?:[:;]-?[)D])?[\s!.]*$"  # punctuation and a smiley
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening|day))"
    r"(?:\s+(?:there|all|everyone|team|mate|friend|bot))?" + _END,
    re.I,
)
_THANKS = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|great|cool|nice|perfect|awesome|brilliant)[\s,!.]+)?"
    r"(?:thanks|thank\s+you|thankyou|thx|ty|tysm|cheers|much\s+appreciated|appreciate\s+it)\b"
    r"(?:\s+(?:a\s+lot|so\s+much|very\s+much|again|mate|man|buddy|heaps))*" + _END,
    re.I,
)
_OKAY = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|k|kk|alright|right|great|cool|nice|perfect|awesome|brilliant|"
    r"excellent|neat|sweet|wow|got\s+it|sounds\s+good|makes\s+sense|that\s+helps|"
    r"interesting|good|very\s+good|lol|understood|fine)[\s,!.]*)+" + _END,
    re.I,
)
_GOODBYE = re.compile(r"^\s*(?:bye|goodbye|see\s+(?:you|ya)|cya|later|good\s+night)\b" + _END, re.I)
_HOW_ARE_YOU = re.compile(r"^\s*how\s+are\s+(?:you|u)(?:\s+doing)?(?:\s+today)?" + _END, re.I)
_ADVICE = re.compile(
    r"\bshould\s+i\s+(?:buy|sell|short|hold|go\s+long)\b|\b(?:buy|sell)\s+or\s+(?:sell|hold|buy)\b",
    re.I,
)
_RATIO_TOOLS: tuple[ToolName | None, ...] = (None, "chart", "levels", "quote", "fibonacci")
_MANY_MARKET_TOOLS: tuple[ToolName, ...] = ("compare", "quote", "summary")
_REPEAT = re.compile(r"\b(?:same|again|redo|refresh|update|rerun|re-run)\b", re.I)
_ZOOM = re.compile(r"\bzoom\s*(?P<dir>out|in)\b|\b(?P<wider>wider|longer|shorter|closer)\b", re.I)


class RulePlanner:
    """Plans by rules; deterministic, so its accuracy is measured on a fixed table."""

    def __init__(self, resolver: SymbolResolver, today: Callable[[], date] = date.today) -> None:
        self._resolver = resolver
        self._today = today

    async def plan(self, message: str, conversation: Conversation) -> Plan:
        text = message.strip()
        if not text:
            return _reply(EMPTY)
        if len(text) > MAX_MESSAGE_CHARS:
            return _reply(TOO_LONG)
        if (small_talk := _small_talk(text)) is not None:
            return _reply(small_talk)
        last_scan = conversation.last_scan()
        if main_tool(tools_named(text)) == "scan":
            return await self._scan(text, None)
        if last_scan is not None and _rescan(text, self._today()):
            return await self._scan(text, last_scan)
        notes: list[str] = []
        interval: Interval | None = None
        if found_interval := find_interval(text):
            interval = found_interval.value.interval
            notes += [found_interval.value.note] if found_interval.value.note else []
            text = _blank(text, found_interval.start, found_interval.end)
        window: Window | None = None
        if found_window := find_window(text, self._today()):
            window = found_window.value
            notes += [window.note] if window.note else []
            text = _blank(text, found_window.start, found_window.end)
        ratio: float | None = None
        if asked := find_ratio(text):
            if asked.ratio is None:
                return _reply(_not_a_ratio(asked.written))
            ratio = asked.ratio
            text = _blank(text, asked.start, asked.end)

        leg = _leg_asked(text)
        if found_leg := _LEG.search(text):
            text = _blank(text, found_leg.start(), found_leg.end())
        named = main_tool(tools_named(text))
        if _ADVICE.search(text):
            named = "summary"
            notes.append(NOT_ADVICE)
        # A ratio is a Fibonacci level: "where is the 0.618" asks for Fibonacci, not a quote.
        tool = "fibonacci" if ratio is not None and named in _RATIO_TOOLS else named
        mentions = await find_mentions(text, self._resolver)
        symbols = mentions.symbols
        last = conversation.last_call()
        zoom_match = _ZOOM.search(text)

        if named is None and not symbols:
            wants_change = (
                window is not None
                or interval is not None
                or zoom_match is not None
                or leg is not None
                or ratio is not None
            )
            if last is None and wants_change:
                return _reply(
                    _unknown(mentions.unknown)
                    if mentions.unknown
                    else _which_market(tool or "chart")
                )
            if last is None or not (wants_change or _REPEAT.search(text)):
                return _reply(REFUSAL)
        if tool == "help" and not symbols:
            return Plan(calls=[PlannedCall(tool="help")], notes=notes, planner=PLANNER_NAME)

        follow_up = last is not None and (named is None or not symbols)
        if tool is None:
            tool = last.tool if last is not None else "chart"
        if not symbols:
            if mentions.unknown:
                return _reply(_unknown(mentions.unknown))
            if last is None:
                return _reply(NOTHING_YET if tool == "summary" else _which_market(tool))
            symbols = list(last.symbols)
            if tool not in _MANY_MARKET_TOOLS:
                symbols = symbols[:1]  # "what about the 0.618?" after a compare: the first
        if tool == "compare" and len(symbols) < 2 and last is not None:
            symbols = _unique([*last.symbols, *symbols])
            follow_up = True
        if tool == "compare" and len(symbols) < 2:
            return _reply(
                "Name at least two markets to compare, e.g. “compare apple and microsoft”."
            )

        if window is None and zoom_match is not None and last is not None:
            out = (zoom_match.group("dir") or zoom_match.group("wider") or "").lower()
            window = Window(period=zoom(last.period, out in ("out", "wider", "longer")))
        if follow_up and last is not None:
            if window is None:
                window = Window(period=last.period, start=last.start, end=last.end)
            interval = interval if interval is not None else last.interval
            leg = leg if leg is not None else last.leg
            ratio = ratio if ratio is not None else last.ratio
        call = _call(tool, symbols, window, interval)
        if leg is not None and call.tool != "quote":
            call = call.model_copy(update={"leg": leg})
        if ratio is not None and call.tool == "fibonacci":
            call = call.model_copy(update={"ratio": ratio})
        return Plan(calls=[call], notes=notes, planner=PLANNER_NAME)

    async def _scan(self, text: str, previous: PlannedCall | None) -> Plan:
        """A scan: its universe (or symbols), setups and history; `previous` is the scan this
        one follows up, whose setups, universe and bars it keeps unless told otherwise."""
        from language import scans  # loads the analysis package: only a scan needs it

        today = self._today()
        notes: list[str] = []
        universe: ScanUniverse | None = None
        if named := find_universe(text):
            universe = named.universe
            text = _blank(text, named.start, named.end)
        tuning, spans = scans.cut_tuning(text)
        for start, end in spans:
            text = _blank(text, start, end)
        interval: Interval | None = None
        if found_interval := find_interval(text):
            interval = found_interval.value.interval
            notes += [found_interval.value.note] if found_interval.value.note else []
            text = _blank(text, found_interval.start, found_interval.end)
        if interval is None and previous is not None:
            interval = previous.interval
        period: Period | None = previous.period if previous is not None else None
        recent: int | None = None
        if found_window := find_window(text, today):
            window = found_window.value
            text = _blank(text, found_window.start, found_window.end)
            recent, note = scans.recent_bars(window, interval, today)
            notes += [note] if note else []
            if recent is None and note is None:
                if window.period is not None:
                    period = window.period
                else:
                    notes.append(SCAN_DATES)
        read = scans.read_setups(text, tuning, recent=recent, default=previous is None)
        if read.error is not None:
            return _reply(read.error)
        for start, end in read.spans:
            text = _blank(text, start, end)
        setups = read.setups or (previous.setups if previous is not None else ())
        notes += read.notes
        if recent is not None and not any(s.kind == "structure-break" for s in setups):
            notes.append(RECENT_ONLY_BREAKS)
        symbols: list[str] = []
        if universe is None:
            symbols = (await find_mentions(text, self._resolver)).symbols
        if universe is None and not symbols and previous is not None:
            universe, symbols = previous.universe, list(previous.symbols)
        if universe is None and not symbols:
            universe = "bundled"
            notes.append(NO_UNIVERSE)
        call = PlannedCall(
            tool="scan",
            universe=universe,
            symbols=symbols,
            setups=setups,
            period=period,
            interval=interval,
        )
        return Plan(calls=[call], notes=notes, planner=PLANNER_NAME)


def _rescan(text: str, today: date) -> bool:
    """A message that changes only what a scan runs over: a universe, a window, bar size."""
    if tools_named(text):
        return False
    return bool(
        find_universe(text)
        or find_interval(text)
        or find_window(text, today)
        or _REPEAT.search(text)
    )


def _small_talk(text: str) -> str | None:
    """A one-line answer to a greeting, thanks or an acknowledgement; None for a request."""
    for pattern, answer in (
        (_GREETING, GREETING),
        (_THANKS, THANKS),
        (_HOW_ARE_YOU, HOW_ARE_YOU),
        (_GOODBYE, GOODBYE),
        (_OKAY, OKAY),
    ):
        if pattern.match(text):
            return answer
    return None


def _not_a_ratio(written: str) -> str:
    ratios = ", ".join(f"{r:g}" for r in FIB_RATIOS)
    return f"{written} is not one of the Fibonacci ratios the chart draws; ask for one of {ratios}."


def _call(
    tool: ToolName, symbols: list[str], window: Window | None, interval: Interval | None
) -> PlannedCall:
    if tool == "quote":  # a quote is the latest price: no window, no bars
        return PlannedCall(tool=tool, symbols=symbols)
    window = window or Window()
    return PlannedCall(
        tool=tool,
        symbols=symbols,
        period=window.period,
        start=window.start,
        end=window.end,
        interval=interval,
    )


_LEG = re.compile(
    r"\b(?:(?:use|on|with|from|draw)\s+)?(?:the\s+)?"
    r"(?P<which>latest|last|recent|newest|current|major|biggest|largest|dominant|main)\s+"
    r"(?:swing|leg|move)\b",
    re.IGNORECASE,
)


def _leg_asked(text: str) -> Literal["major", "latest"] | None:
    """ "use the latest swing" -> latest; "the major leg" -> major; otherwise no preference."""
    found = _LEG.search(text)
    if found is None:
        return None
    latest = ("latest", "last", "recent", "newest", "current")
    return "latest" if found.group("which").lower() in latest else "major"


def _reply(text: str) -> Plan:
    return Plan(reply=text, planner=PLANNER_NAME)


def _which_market(tool: ToolName) -> str:
    return (
        f"Which market should I use for the {tool}? Name a ticker or a company, "
        f"e.g. “{tool} for AAPL”."
    )


def _unknown(words: list[str]) -> str:
    shown = " ".join(words[:4])
    return f"I couldn't find a market called “{shown}”. Try its ticker, e.g. “$TSLA” or “0700.HK”."


def _blank(text: str, start: int, end: int) -> str:
    """Cut a span out, keeping positions (and breaking the words around it apart)."""
    width = end - start
    return text[:start] + (" ," + " " * (width - 2) if width >= 2 else " ") + text[end:]


def _unique(symbols: list[str]) -> list[str]:
    return list(dict.fromkeys(symbols))
