from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    expires: None | str | Unset = UNSET,
    sig: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_expires: None | str | Unset
    if isinstance(expires, Unset):
        json_expires = UNSET
    else:
        json_expires = expires
    params["expires"] = json_expires

    json_sig: None | str | Unset
    if isinstance(sig, Unset):
        json_sig = UNSET
    else:
        json_sig = sig
    params["sig"] = json_sig

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/files/{key}".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    expires: None | str | Unset = UNSET,
    sig: None | str | Unset = UNSET,
) -> Response[Problem]:
    """A stored file, through a signed link

    Args:
        key (str): The object key from the link.
        expires (None | str | Unset): Unix time the link stops working.
        sig (None | str | Unset): HMAC-SHA256 of the key and expiry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        expires=expires,
        sig=sig,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    expires: None | str | Unset = UNSET,
    sig: None | str | Unset = UNSET,
) -> Problem | None:
    """A stored file, through a signed link

    Args:
        key (str): The object key from the link.
        expires (None | str | Unset): Unix time the link stops working.
        sig (None | str | Unset): HMAC-SHA256 of the key and expiry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        key=key,
        client=client,
        expires=expires,
        sig=sig,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    expires: None | str | Unset = UNSET,
    sig: None | str | Unset = UNSET,
) -> Response[Problem]:
    """A stored file, through a signed link

    Args:
        key (str): The object key from the link.
        expires (None | str | Unset): Unix time the link stops working.
        sig (None | str | Unset): HMAC-SHA256 of the key and expiry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        expires=expires,
        sig=sig,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    expires: None | str | Unset = UNSET,
    sig: None | str | Unset = UNSET,
) -> Problem | None:
    """A stored file, through a signed link

    Args:
        key (str): The object key from the link.
        expires (None | str | Unset): Unix time the link stops working.
        sig (None | str | Unset): HMAC-SHA256 of the key and expiry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            expires=expires,
            sig=sig,
        )
    ).parsed
