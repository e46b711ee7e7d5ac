"""Plain English and command words: never a market's name, never a tool by a typo.

Shared by `mentions` (which never sends them to the symbol resolver) and `intents` (which
never reads them as a misspelt tool word: "trading" is not "trending", "corporation" is not
"comparison").
"""

from __future__ import annotations

_FILLER_WORDS = """
    a an the and or but nor of for to in on at by with from over during into about as than
    is are was were be been being am do does did done doing have has had having get got
    i me my mine we us our you your yours it its this that these those there here
    what whats which who whom how hows when where why can could would should will shall
    may might must please pls plz thanks thank thx ok okay yes no not hi hello hey
    give make run tell let lets see look looking want wanna need like just now then also
    too again same instead more less some any all only last past previous prior next
    recent recently current currently today yesterday time period range window frame
    timeframe interval bars bar candle stick sticks price prices stock stocks share shares
    ticker tickers symbol symbols company companies inc corp corporation ltd co plc
    holdings group market markets coin coins token tokens crypto cryptocurrency etf fund
    fx forex pair pairs futures future key major important strong main biggest nearest
    closest highlight highlights highlighting mark marked marking annotate annotated find
    identify spot detect locate draw drawn plot plotted high highs low lows higher lower
    pocket golden break breaks broken change character since ago between until zoom out
    switch go back do doing found did think going happening does up down buy sell short
    long hold holding entry exit target targets stop loss good bad better worse well
    day days week weeks month months year years quarter quarters hour hours minute minutes
    min mins daily weekly monthly hourly quarterly yearly annual ytd max maximum history
    inception ipo everything something anything thing things one ones both each either
    performance performing perform doing done over under around near value valuation
    movement move moves moving action trade trading trader traders view views idea ideas
    chance likely probability forecast prediction predict tomorrow s/r s&r sr
"""
FILLER = frozenset(_FILLER_WORDS.split())
