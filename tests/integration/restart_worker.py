"""Runs in a separate Python process for `test_restart.py`: the app's own start-up path.

`write` opens persistence as the app does on start, stores an analysis with its chart and a
chat exchange, then either shuts down cleanly or dies on the spot (`--crash`, no clean-up at
all). `read` starts a fresh process the same way and prints what it finds as JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys

from app.config import get_settings
from app.services.records import AnalysisOutcome, ChartImage, complete_analysis, start_analysis
from app.wiring.persistence import open_persistence
from integrations.chat_history import NewMessage, Role
from integrations.records import AnalysisRequest

OWNER = "alice"


async def write(crash: bool) -> None:
    async with open_persistence(get_settings()) as persistence:
        record = await start_analysis(
            persistence.records,
            owner=OWNER,
            request=AnalysisRequest(
                symbol="TSLA", interval="1d", period="3mo", tool="fibonacci", source="yahoo"
            ),
        )
        record = await complete_analysis(
            persistence.records,
            persistence.objects,
            record,
            AnalysisOutcome(
                result_json='{"levels": [0.382, 0.618]}',
                chart=ChartImage(data=b"\x89PNG-restart"),
                ai_text="Held 61.8%.",
            ),
        )
        chat = persistence.chat_history
        conversation = await chat.create_conversation(OWNER, title="TSLA")
        await chat.append(conversation.id, NewMessage(role=Role.USER, text="TSLA?"), owner=OWNER)
        await chat.append(
            conversation.id, NewMessage(role=Role.ASSISTANT, text="Held 61.8%."), owner=OWNER
        )
        print(json.dumps({"record_id": record.id, "conversation_id": conversation.id}), flush=True)
        if crash:
            os._exit(1)  # no close, no flush of anything: what a killed process leaves


async def read() -> None:
    async with open_persistence(get_settings()) as persistence:
        records = (await persistence.records.list_for_owner(OWNER)).items
        conversations = (await persistence.chat_history.list_conversations(OWNER)).items
        messages = [
            m.text
            for c in conversations
            for m in (await persistence.chat_history.list_messages(c.id, owner=OWNER)).items
        ]
        charts = [
            (await persistence.objects.get(key)).decode("latin-1")
            for record in records
            for key in record.chart_keys
        ]
        found = {
            "records": [{"id": r.id, "status": r.status, "result": r.result_json} for r in records],
            "conversations": [c.id for c in conversations],
            "messages": messages,
            "charts": charts,
        }
        print(json.dumps(found), flush=True)


if __name__ == "__main__":
    command = sys.argv[1]
    asyncio.run(write("--crash" in sys.argv) if command == "write" else read())
