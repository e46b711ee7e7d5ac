"""A strict in-memory stand-in for Tablestore's `OTSClient` (no emulator exists).

Strict in three ways, so the adapter cannot pass here and fail against the service:
- the client is `create_autospec(OTSClient)`: a call with arguments the real method does not
  take fails;
- every request goes through the SDK's own protobuf/plainbuffer encoder, as the real client
  does before sending, so values or keys the SDK would refuse are refused here too;
- every response is built as the service's protobuf and read back through the SDK's own
  decoder, so the adapter gets exactly the `Row` objects, tuples and types the real client
  returns (cell timestamps included), and `get_range` stops after a few rows with a
  `next_start_primary_key`, as the service does at 5,000 rows or 4 MB.

The service's behaviour that the adapter relies on is emulated: primary-key schema checks,
row-existence conditions, auto-increment keys (increasing, with gaps, not 1, 2, 3) and TTL
expiry per cell against a clock the test can move.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any
from unittest.mock import create_autospec

import tablestore.protobuf.table_store_pb2 as pb
from tablestore import (
    INF_MAX,
    INF_MIN,
    PK_AUTO_INCR,
    CapacityUnit,
    Condition,
    DescribeTableResponse,
    OTSClient,
    OTSServiceError,
    ReservedThroughputDetails,
    ReturnType,
    RowExistenceExpectation,
    SSEDetails,
    SSESpecification,
    TableMeta,
    TableOptions,
    UpdateTableResponse,
)
from tablestore.decoder import OTSProtoBufferDecoder
from tablestore.encoder import OTSProtoBufferEncoder
from tablestore.plainbuffer.plain_buffer_builder import PlainBufferBuilder

PLAINBUFFER_HEADER_BYTES = 4

PrimaryKey = tuple[Any, ...]


@dataclass
class _Table:
    meta: TableMeta
    options: TableOptions
    sse: SSESpecification | None = None
    rows: dict[PrimaryKey, list[tuple[str, Any, int]]] = field(default_factory=dict)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is INF_MIN:
        return (0, 0)
    if value is INF_MAX:
        return (2, 0)
    return (1, value)


def _condition_failed() -> OTSServiceError:
    return OTSServiceError(403, "OTSConditionCheckFail", "Condition check failed.", "fake")


def _invalid(message: str) -> OTSServiceError:
    return OTSServiceError(400, "OTSParameterInvalid", message, "fake")


class FakeTablestore:
    def __init__(self, *, rows_per_response: int = 2) -> None:
        self.client: Any = create_autospec(OTSClient, instance=True, spec_set=True)
        self.tables: dict[str, _Table] = {}
        self.rows_per_response = rows_per_response
        self.clock_offset_ms = 0
        self.get_range_calls = 0
        self._encoder = OTSProtoBufferEncoder("utf-8")
        self._decoder = OTSProtoBufferDecoder("utf-8")
        self._last_auto_id = 1_700_000_000_000_000
        self.client.list_table.side_effect = self._list_table
        self.client.create_table.side_effect = self._create_table
        self.client.describe_table.side_effect = self._describe_table
        self.client.update_table.side_effect = self._update_table
        self.client.put_row.side_effect = self._put_row
        self.client.get_row.side_effect = self._get_row
        self.client.get_range.side_effect = self._get_range

    # Clock and helpers

    def now_ms(self) -> int:
        return int(time.time() * 1000) + self.clock_offset_ms

    def advance(self, seconds: int) -> None:
        self.clock_offset_ms += seconds * 1000

    def _table(self, name: str) -> _Table:
        if name not in self.tables:
            raise OTSServiceError(404, "OTSObjectNotExist", "Requested table does not exist.")
        return self.tables[name]

    def _decode(self, api: str, response: Any) -> Any:
        decoded, _proto = self._decoder.decode_response(api, response.SerializeToString(), "fake")
        return decoded

    def _live_cells(self, table: _Table, key: PrimaryKey) -> list[tuple[str, Any, int]] | None:
        cells = table.rows.get(key)
        ttl = table.options.time_to_live
        if cells is not None and ttl != -1:
            cells = [cell for cell in cells if self.now_ms() - cell[2] <= ttl * 1000]
        return cells or None

    def _key(self, table: _Table, primary_key: list[tuple[str, Any]]) -> PrimaryKey:
        schema = table.meta.schema_of_primary_key
        names = [column[0] for column in primary_key]
        if names != [column[0] for column in schema]:
            raise _invalid(f"primary key {names} does not match the table's schema {schema}")
        return tuple(column[1] for column in primary_key)

    def _rows_bytes(self, table: _Table, keys: list[PrimaryKey]) -> bytes:
        names = [column[0] for column in table.meta.schema_of_primary_key]
        chunks = []
        for key in keys:
            cells = self._live_cells(table, key) or []
            chunks.append(
                bytes(
                    PlainBufferBuilder.serialize_for_put_row(
                        list(zip(names, key, strict=True)), cells
                    )
                )
            )
        if not chunks:
            return b""
        return chunks[0][:PLAINBUFFER_HEADER_BYTES] + b"".join(
            chunk[PLAINBUFFER_HEADER_BYTES:] for chunk in chunks
        )

    # Table operations

    def _list_table(self) -> Any:
        self._encoder.encode_request("ListTable")
        return self._decode("ListTable", pb.ListTableResponse(table_names=list(self.tables)))

    def _create_table(
        self,
        table_meta: TableMeta,
        table_options: TableOptions,
        reserved_throughput: Any,
        secondary_indexes: Any = None,
        sse_spec: Any = None,
    ) -> None:
        self._encoder.encode_request(
            "CreateTable",
            table_meta,
            table_options,
            reserved_throughput,
            sse_spec,
            secondary_indexes or [],
        )
        if table_meta.table_name in self.tables:
            raise OTSServiceError(409, "OTSObjectAlreadyExist", "Requested table already exists.")
        self.tables[table_meta.table_name] = _Table(
            meta=table_meta, options=table_options, sse=sse_spec
        )

    def _describe_table(self, table_name: str) -> DescribeTableResponse:
        self._encoder.encode_request("DescribeTable", table_name)
        table = self._table(table_name)
        sse = table.sse
        return DescribeTableResponse(
            table.meta,
            TableOptions(table.options.time_to_live, table.options.max_version),
            ReservedThroughputDetails(CapacityUnit(0, 0), 0, 0),
            sse_details=SSEDetails(enable=False)
            if sse is None or not sse.enable
            else SSEDetails(enable=True, key_type=sse.key_type, key_id=sse.key_id),
        )

    def _update_table(
        self, table_name: str, table_options: Any = None, reserved_throughput: Any = None
    ) -> UpdateTableResponse:
        self._encoder.encode_request("UpdateTable", table_name, table_options, reserved_throughput)
        table = self._table(table_name)
        if table_options is not None:
            table.options = table_options
        return UpdateTableResponse(
            ReservedThroughputDetails(CapacityUnit(0, 0), 0, 0), table.options
        )

    # Row operations

    def _put_row(
        self,
        table_name: str,
        row: Any,
        condition: Condition | None = None,
        return_type: Any = None,
        transaction_id: Any = None,
    ) -> Any:
        self._encoder.encode_request(
            "PutRow", table_name, row, condition, return_type, transaction_id
        )
        table = self._table(table_name)
        expectation = (
            condition or Condition(RowExistenceExpectation.IGNORE)
        ).row_existence_expectation
        primary_key = list(row.primary_key)
        for index, (column, schema) in enumerate(
            zip(primary_key, table.meta.schema_of_primary_key, strict=False)
        ):
            auto = len(schema) == 3 and schema[2] is PK_AUTO_INCR
            if auto != (column[1] is PK_AUTO_INCR):
                raise _invalid(
                    f"column {schema[0]}: PK_AUTO_INCR goes exactly on auto-increment keys"
                )
            if auto:
                if expectation != RowExistenceExpectation.IGNORE:
                    raise _invalid("a row with an auto-increment key must use IGNORE")
                self._last_auto_id += random.randint(1, 1000)
                primary_key[index] = (column[0], self._last_auto_id)
        key = self._key(table, primary_key)
        exists = self._live_cells(table, key) is not None
        if expectation == RowExistenceExpectation.EXPECT_EXIST and not exists:
            raise _condition_failed()
        if expectation == RowExistenceExpectation.EXPECT_NOT_EXIST and exists:
            raise _condition_failed()
        now = self.now_ms()
        table.rows[key] = [(name, value, now) for name, value, *_ in row.attribute_columns]
        response = pb.PutRowResponse()
        response.consumed.capacity_unit.write = 1
        if return_type == ReturnType.RT_PK:
            response.row = bytes(PlainBufferBuilder.serialize_primary_key(primary_key))
        return self._decode("PutRow", response)

    def _get_row(
        self,
        table_name: str,
        primary_key: list[tuple[str, Any]],
        columns_to_get: Any = None,
        column_filter: Any = None,
        max_version: int = 1,
        time_range: Any = None,
        start_column: Any = None,
        end_column: Any = None,
        token: Any = None,
        transaction_id: Any = None,
    ) -> Any:
        self._encoder.encode_request(
            "GetRow",
            table_name,
            primary_key,
            columns_to_get,
            column_filter,
            max_version,
            time_range,
            start_column,
            end_column,
            token,
            transaction_id,
        )
        table = self._table(table_name)
        key = self._key(table, primary_key)
        response = pb.GetRowResponse()
        response.consumed.capacity_unit.read = 1
        response.row = self._rows_bytes(table, [key]) if self._live_cells(table, key) else b""
        return self._decode("GetRow", response)

    def _get_range(
        self,
        table_name: str,
        direction: str,
        inclusive_start_primary_key: list[tuple[str, Any]],
        exclusive_end_primary_key: list[tuple[str, Any]],
        columns_to_get: Any = None,
        limit: int | None = None,
        column_filter: Any = None,
        max_version: int = 1,
        time_range: Any = None,
        start_column: Any = None,
        end_column: Any = None,
        token: Any = None,
        transaction_id: Any = None,
    ) -> Any:
        self._encoder.encode_request(
            "GetRange",
            table_name,
            direction,
            inclusive_start_primary_key,
            exclusive_end_primary_key,
            columns_to_get,
            limit,
            column_filter,
            max_version,
            time_range,
            start_column,
            end_column,
            token,
            transaction_id,
        )
        if direction != "FORWARD":
            raise NotImplementedError("the fake reads forward only, as the adapter does")
        self.get_range_calls += 1
        table = self._table(table_name)
        start = [_sort_key(v) for v in self._key(table, inclusive_start_primary_key)]
        end = [_sort_key(v) for v in self._key(table, exclusive_end_primary_key)]
        in_range = sorted(
            (
                key
                for key in table.rows
                if start <= [_sort_key(v) for v in key] < end and self._live_cells(table, key)
            ),
            key=lambda key: [_sort_key(v) for v in key],
        )
        take = self.rows_per_response if limit is None else min(limit, self.rows_per_response)
        batch, rest = in_range[:take], in_range[take:]
        response = pb.GetRangeResponse()
        response.consumed.capacity_unit.read = 1
        response.rows = self._rows_bytes(table, batch)
        if rest:
            names = [column[0] for column in table.meta.schema_of_primary_key]
            response.next_start_primary_key = bytes(
                PlainBufferBuilder.serialize_primary_key(list(zip(names, rest[0], strict=True)))
            )
        return self._decode("GetRange", response)
