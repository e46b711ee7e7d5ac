"""Light and dark palettes, close to what traders know from TradingView."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

ThemeName = Literal["light", "dark"]


class Palette(BaseModel):
    model_config = ConfigDict(frozen=True)

    background: str
    panel: str
    text: str
    muted: str
    grid: str
    up: str
    down: str
    volume_up: str
    volume_down: str
    swing: str
    bullish: str
    bearish: str
    zone_support: str
    zone_resistance: str
    gap: str
    order_block_bull: str
    order_block_bear: str
    golden_pocket: str
    last_price: str
    fib: dict[str, str]  # ratio as text ("0.618") -> colour; "extension" for the rest


_FIB_LIGHT = {
    "0": "#787b86",
    "0.236": "#f23645",
    "0.382": "#ff9800",
    "0.5": "#4caf50",
    "0.618": "#089981",
    "0.786": "#2962ff",
    "1": "#787b86",
    "extension": "#9c27b0",
}
_FIB_DARK = {
    **_FIB_LIGHT,
    "0": "#b2b5be",
    "1": "#b2b5be",
    "0.786": "#5b8cff",
    "extension": "#ce93d8",
}

PALETTES: dict[ThemeName, Palette] = {
    "light": Palette(
        background="#ffffff",
        panel="#ffffff",
        text="#131722",
        muted="#6a6d78",
        grid="#eef0f3",
        up="#089981",
        down="#f23645",
        volume_up="#08998155",
        volume_down="#f2364555",
        swing="#131722",
        bullish="#089981",
        bearish="#f23645",
        zone_support="#2962ff",
        zone_resistance="#e65100",
        gap="#9c27b0",
        order_block_bull="#26a69a",
        order_block_bear="#ef5350",
        golden_pocket="#ffb300",
        last_price="#2962ff",
        fib=_FIB_LIGHT,
    ),
    "dark": Palette(
        background="#131722",
        panel="#131722",
        text="#d1d4dc",
        muted="#8a8e99",
        grid="#1f2430",
        up="#22ab94",
        down="#f7525f",
        volume_up="#22ab9455",
        volume_down="#f7525f55",
        swing="#d1d4dc",
        bullish="#22ab94",
        bearish="#f7525f",
        zone_support="#5b8cff",
        zone_resistance="#ffa726",
        gap="#ce93d8",
        order_block_bull="#26a69a",
        order_block_bear="#ef5350",
        golden_pocket="#ffca28",
        last_price="#5b8cff",
        fib=_FIB_DARK,
    ),
}


def fib_color(palette: Palette, ratio: float, kind: str) -> str:
    if kind == "extension":
        return palette.fib["extension"]
    return palette.fib.get(f"{ratio:g}", palette.fib["extension"])
