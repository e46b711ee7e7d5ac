from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.scan_view import ScanView
from ...types import Response


def _get_kwargs(
    scan_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/scans/{scan_id}/cancel".format(
            scan_id=quote(str(scan_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ScanView | None:
    if response.status_code == 200:
        response_200 = ScanView.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ScanView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    scan_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ScanView]:
    """Cancel a running scan (what it found so far is kept)

     A scan running in this replica is stopped at once and comes back `cancelled`; one running elsewhere
    comes back `running` with `cancel_requested`, and stops at its next progress save.

    Args:
        scan_id (str): 32 hex digits, from POST.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScanView]
    """

    kwargs = _get_kwargs(
        scan_id=scan_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    scan_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | ScanView | None:
    """Cancel a running scan (what it found so far is kept)

     A scan running in this replica is stopped at once and comes back `cancelled`; one running elsewhere
    comes back `running` with `cancel_requested`, and stops at its next progress save.

    Args:
        scan_id (str): 32 hex digits, from POST.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScanView
    """

    return sync_detailed(
        scan_id=scan_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    scan_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ScanView]:
    """Cancel a running scan (what it found so far is kept)

     A scan running in this replica is stopped at once and comes back `cancelled`; one running elsewhere
    comes back `running` with `cancel_requested`, and stops at its next progress save.

    Args:
        scan_id (str): 32 hex digits, from POST.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScanView]
    """

    kwargs = _get_kwargs(
        scan_id=scan_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    scan_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | ScanView | None:
    """Cancel a running scan (what it found so far is kept)

     A scan running in this replica is stopped at once and comes back `cancelled`; one running elsewhere
    comes back `running` with `cancel_requested`, and stops at its next progress save.

    Args:
        scan_id (str): 32 hex digits, from POST.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScanView
    """

    return (
        await asyncio_detailed(
            scan_id=scan_id,
            client=client,
        )
    ).parsed
