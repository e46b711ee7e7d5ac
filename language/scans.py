"""What a scan request asks every kept symbol to match: setups and their parameters, read
from plain English into the setup filters of `analysis.scan.setups` (the very models the CLI's
`--setup` and the API's `setups` take, so a scan planned here runs as one sent there).

"near their 0.618 with a support zone" -> near-fib 0.618 + near-zone (support); "broke
structure this week" -> structure-break within 5 bars; "bullish choch" -> structure-break
(CHoCH, bullish); "golden pockets" -> golden-pocket. Numbers that tune a setup are read
first and cut out ("within 1 ATR", "in the last 3 bars", "confluence score above 2"), so
"0.5 ATR" is never taken for the 0.5 retracement. Setups come in the order they are written:
the first one's level is what a row's distance is measured to.

The planner imports this module only for a scan: it loads the analysis package.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from pydantic import ValidationError

from analysis.scan.setups import (
    ConfluenceSetup,
    FibonacciSetup,
    GoldenPocketSetup,
    ImbalanceSetup,
    Setup,
    SetupKind,
    StructureSetup,
    TrendSetup,
    ZoneSetup,
)
from language.periods import Window
from language.ratios import find_ratio
from language.vocabulary import FIB_RATIOS, INTRADAY_INTERVALS, Interval

NO_SETUP_NOTE = (
    "No setup named: looking for golden pockets (also: near a Fibonacci ratio, near a zone, "
    "a BOS or CHoCH, an open FVG or order block, confluence, a trend)."
)
ONE_RATIO_NOTE = "A scan measures one Fibonacci ratio: the 0.618 (say “near the 0.5” for another)."
INTRADAY_RECENT = (
    "How recent a break must be is counted in bars on intraday scans: say “in the last 10 bars”."
)
# A window this short says how recent a structure break must be, not how much history to read.
RECENT_DAYS = 31
_RETRACEMENTS = ", ".join(f"{r:g}" for r in FIB_RATIOS if r <= 1)
_NUM = r"(\d+(?:\.\d+)?)"
_WITHIN_ATR = re.compile(
    rf"(?:\b(?:within|inside|under|less\s+than|at\s+most|max)\s+|<\s*)?{_NUM}\s*(?:x\s*)?atrs?\b",
    re.IGNORECASE,
)
_WITHIN_BARS = re.compile(
    rf"\b(?:within(?:\s+the)?(?:\s+last)?|in\s+the\s+(?:last|past)|over\s+the\s+(?:last|past)"
    rf"|(?:the\s+)?(?:last|past))\s+{_NUM}\s+(?:bars?|candles?|sessions?)\b",
    re.IGNORECASE,
)
_MIN_SCORE = re.compile(
    rf"\bconfluence(?:\s+score)?\s*(?:above|over|of\s+at\s+least|at\s+least|>=?|≥|of)\s*{_NUM}",
    re.IGNORECASE,
)
_DIRECTION = re.compile(r"\b(bullish|bull|bearish|bear|upside|downside)\b", re.IGNORECASE)
_SCALE = re.compile(r"\b(swing|internal)\b", re.IGNORECASE)

SetupWords = tuple[SetupKind, re.Pattern[str], Callable[[re.Match[str]], Setup]]


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{text})(?![\w])", re.IGNORECASE)


def _zone(m: re.Match[str]) -> Setup:
    written = m.group(0).lower()
    both = ("resist" in written or "supply" in written) and (
        "sup" in written.replace("supply", "") or "demand" in written
    )
    if both or not any(w in written for w in ("sup", "demand", "resist")):
        return ZoneSetup()
    return ZoneSetup(role="resistance" if "resist" in written or "supply" in written else "support")


def _structure(m: re.Match[str]) -> Setup:
    written = m.group(0).lower()
    if "bos" in written or "break of structure" in written:
        return StructureSetup(event="BOS")
    if re.search(r"ch[o0]c|character", written):
        return StructureSetup(event="CHoCH")
    return StructureSetup()


def _imbalance(m: re.Match[str]) -> Setup:
    written = m.group(0).lower()
    if "fvg" in written or "fair value" in written:
        return ImbalanceSetup(box="fvg")
    if "order" in written or re.fullmatch(r"obs?", written):
        return ImbalanceSetup(box="order-block")
    return ImbalanceSetup()


def _trend(m: re.Match[str]) -> Setup:
    written = m.group(0).lower()
    if re.search(r"down|bear|lower", written):
        return TrendSetup(trend="bearish")
    if re.search(r"rang|sideways|consolidat|chop", written):
        return TrendSetup(trend="ranging")
    return TrendSetup(trend="bullish")


# The setup vocabulary of the chat, in the order tried; each kind is kept once, where it is
# first written.
SETUP_WORDS: tuple[SetupWords, ...] = (
    (
        "golden-pocket",
        _pattern(r"gold(?:en|n)?[\s-]*p[o0]c?k[ae]?ts?|golden[\s-]+zones?|gp"),
        lambda _m: GoldenPocketSetup(),
    ),
    (
        "near-zone",
        _pattern(
            r"(?:sup+ort|demand)\s+(?:and|or|&|/)\s+(?:resist[ae]nce|supply)"
            r"(?:\s+(?:zones?|levels?|areas?))?"
            r"|(?:sup+ort|demand|resist[ae]nce|supply)(?:\s+(?:zones?|levels?|areas?|lines?))?"
            r"|s\s*/\s*r|s\s*&\s*r|sr\s+(?:zones?|levels?)|key\s+levels?|near-zone|zones?"
        ),
        _zone,
    ),
    (
        "structure-break",
        _pattern(
            r"break\s+of\s+structure|bos|change\s+of\s+character|ch[o0]chs?|chocs?"
            r"|broke(?:n)?\s+(?:the\s+|their\s+|its\s+)?(?:market\s+)?structure"
            r"|break(?:s|ing)?\s+(?:the\s+|their\s+|its\s+)?(?:market\s+)?structure"
            r"|(?:market\s+)?structure[\s-]+(?:breaks?|shifts?)|mss"
        ),
        _structure,
    ),
    (
        "open-imbalance",
        _pattern(
            r"(?:un-?mitigated\s+|open\s+)?(?:fair\s+value\s+gaps?|fvgs?|order[\s-]*blocks?|obs?"
            r"|imbalances?)"
        ),
        _imbalance,
    ),
    ("confluence", _pattern(r"confluences?|confluent"), lambda _m: ConfluenceSetup()),
    (
        "trend",
        _pattern(
            r"(?:up|down)[\s-]*trend(?:s|ing)?|trending\s+(?:up|down|higher|lower)"
            r"|(?:bullish|bearish)\s+trends?|ranging|range[\s-]*bound|sideways|consolidating"
        ),
        _trend,
    ),
)
_FIB_WORDS = _pattern(
    r"fib(?:onacci|onnaci|onaci|o|s)?(?:\s+(?:levels?|ratios?|retracements?))?|retracements?"
)


@dataclass(frozen=True)
class Tuning:
    """Numbers that tune the setups, read before anything else."""

    within_atr: float | None = None
    within_bars: int | None = None
    min_score: float | None = None


@dataclass(frozen=True)
class ScanWords:
    """The setups a message asks for, notes on what was assumed, and the spans read (cut
    before market names are looked for); `error` when a number is out of range."""

    setups: tuple[Setup, ...] = ()
    notes: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = field(default=())
    error: str | None = None


def cut_tuning(text: str) -> tuple[Tuning, list[tuple[int, int]]]:
    """The tuning numbers and where they were (the planner blanks those spans)."""
    spans: list[tuple[int, int]] = []
    values: dict[str, float] = {}
    for name, pattern in (
        ("within_atr", _WITHIN_ATR),
        ("within_bars", _WITHIN_BARS),
        ("min_score", _MIN_SCORE),
    ):
        if m := pattern.search(text):
            values[name] = float(m.group(1))
            # "confluence above 2": the word stays, it names the setup.
            start = m.start(1) if name == "min_score" else m.start()
            spans.append((start, m.end()))
    bars = values.get("within_bars")
    return (
        Tuning(
            within_atr=values.get("within_atr"),
            within_bars=None if bars is None else math.ceil(bars),
            min_score=values.get("min_score"),
        ),
        spans,
    )


def setups_in(words: str) -> ScanWords:
    """The setups a phrase names, tuning numbers included ("golden pocket within 1 ATR"):
    how the cloud planner's `setups` argument is read, by the same rules as a message."""
    tuning, spans = cut_tuning(words)
    for start, end in spans:
        words = words[:start] + " " * (end - start) + words[end:]
    return read_setups(words, tuning)


def recent_bars(
    window: Window, interval: Interval | None, today: date
) -> tuple[int | None, str | None]:
    """How many bars a short window ("this week", "today", "the last 10 days") spans, or
    None for a longer one (then it is the history to read); and a note when bars of this size
    cannot be counted from days (intraday sessions differ by market)."""
    if window.end is not None:
        return None, None
    if window.period is not None:
        days = {"1d": 1, "5d": 7, "1mo": RECENT_DAYS}.get(window.period)
    else:
        days = None if window.start is None else (today - window.start).days + 1
    if days is None or days > RECENT_DAYS:
        return None, None
    if interval in INTRADAY_INTERVALS:
        return None, INTRADAY_RECENT
    if interval == "1wk":
        return max(1, math.ceil(days / 7)), None
    if interval in ("1mo", "3mo"):
        return 1, None
    weekdays = sum((today - timedelta(days=n)).weekday() < 5 for n in range(days))
    return max(1, weekdays), None


def read_setups(
    text: str,
    tuning: Tuning = Tuning(),
    *,
    recent: int | None = None,
    default: bool = True,
) -> ScanWords:
    """The setups `text` names (tuning numbers already cut out), with their parameters.

    `recent` is a window's length in bars: how recent a structure break must be. With no
    setup named, `default` gives golden pockets (the API's default) and says so."""
    found: list[tuple[int, int, Setup]] = []
    kinds: set[str] = set()
    notes: list[str] = []
    for kind, pattern, build in SETUP_WORDS:
        if (m := pattern.search(text)) is not None:
            found.append((m.start(), m.end(), build(m)))
            kinds.add(kind)
            # Read once: the "zones" of "golden zones" is not a second setup.
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    asked = find_ratio(text)
    if asked is not None and "golden-pocket" not in kinds:
        if asked.ratio is None or asked.ratio > 1:
            return ScanWords(
                error=f"A scan measures retracements: {asked.written} is not one of "
                f"{_RETRACEMENTS}."
            )
        found.append((asked.start, asked.end, FibonacciSetup(ratio=asked.ratio)))
    elif "golden-pocket" not in kinds and (m := _FIB_WORDS.search(text)):
        found.append((m.start(), m.end(), FibonacciSetup()))
        notes.append(ONE_RATIO_NOTE)
    spans = [(start, end) for start, end, _ in found]
    direction, scale = _DIRECTION.search(text), _SCALE.search(text)
    spans += [(m.start(), m.end()) for m in (direction, scale) if m is not None]
    if direction and not kinds & {"structure-break", "open-imbalance", "trend"}:
        # "bullish coins": a bare direction can only be about the trend.
        found.append((direction.start(), direction.end(), TrendSetup(trend=_side(direction))))
        direction = None
    found.sort(key=lambda f: f[0])
    try:
        setups = tuple(
            _tuned(setup, tuning, recent=recent, direction=direction, scale=scale)
            for _, _, setup in found
        )
    except ValidationError as exc:
        problem = exc.errors()[0]
        name = str(problem["loc"][-1]).replace("_", " ")
        return ScanWords(
            error=f"A setup's {name} of {problem['input']:g} is out of range "
            f"({problem['msg'].lower()})."
        )
    if not setups and default:
        setups, notes = (GoldenPocketSetup(),), [NO_SETUP_NOTE]
    return ScanWords(setups=setups, notes=tuple(notes), spans=tuple(sorted(spans)))


def _side(direction: re.Match[str]) -> Literal["bullish", "bearish"]:
    return "bullish" if direction.group(1).lower() in ("bullish", "bull", "upside") else "bearish"


def _tuned(
    setup: Setup,
    tuning: Tuning,
    *,
    recent: int | None,
    direction: re.Match[str] | None,
    scale: re.Match[str] | None,
) -> Setup:
    """The setup with the numbers and words that tune it; validated as the API would."""
    changes: dict[str, object] = {}
    if tuning.within_atr is not None and "within_atr" in type(setup).model_fields:
        changes["within_atr"] = tuning.within_atr
    if isinstance(setup, StructureSetup):
        bars = tuning.within_bars or recent
        if bars is not None:
            changes["within_bars"] = bars
    if isinstance(setup, ConfluenceSetup) and tuning.min_score is not None:
        changes["min_score"] = tuning.min_score
    if direction is not None and isinstance(setup, StructureSetup | ImbalanceSetup):
        changes["direction"] = _side(direction)
    if scale is not None and isinstance(setup, StructureSetup | TrendSetup):
        changes["scale"] = scale.group(1).lower()
    if not changes:
        return setup
    return type(setup).model_validate({**setup.model_dump(), **changes})


def describe(setups: tuple[Setup, ...]) -> str:
    """The setups in a few words, for an answer's title: `near-fib 0.618 + near-zone (support)`."""
    return " + ".join(_words(setup) for setup in setups) or "every symbol"


def _words(setup: Setup) -> str:
    match setup:
        case GoldenPocketSetup():
            return "golden pocket"
        case FibonacciSetup():
            return f"near the {setup.ratio:g}"
        case ZoneSetup():
            return "near a zone" if setup.role == "any" else f"near a {setup.role} zone"
        case StructureSetup():
            event = "BOS or CHoCH" if setup.event == "any" else setup.event
            side = "" if setup.direction == "any" else f"{setup.direction} "
            return f"{side}{event} in {setup.within_bars} bars"
        case ImbalanceSetup():
            box = {"fvg": "FVG", "order-block": "order block", "any": "FVG or order block"}
            side = "" if setup.direction == "any" else f"{setup.direction} "
            return f"open {side}{box[setup.box]}"
        case ConfluenceSetup():
            return f"confluence ≥ {setup.min_score:g}"
        case TrendSetup():
            return f"{setup.trend} trend"
    return str(setup.kind)
