from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_user: None | str | Unset
    if isinstance(user, Unset):
        json_user = UNSET
    else:
        json_user = user
    params["user"] = json_user

    json_next_: None | str | Unset
    if isinstance(next_, Unset):
        json_next_ = UNSET
    else:
        json_next_ = next_
    params["next"] = json_next_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/auth/dev-login",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Development sign-in: a form, or with `user`, signs in as that local user

    Args:
        user (None | str | Unset): Local user name: 1-40 of A-Z a-z 0-9 . _ -
        next_ (None | str | Unset): Where in the UI to go afterwards: a path on this site, e.g.
            `/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        user=user,
        next_=next_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Development sign-in: a form, or with `user`, signs in as that local user

    Args:
        user (None | str | Unset): Local user name: 1-40 of A-Z a-z 0-9 . _ -
        next_ (None | str | Unset): Where in the UI to go afterwards: a path on this site, e.g.
            `/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        client=client,
        user=user,
        next_=next_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Development sign-in: a form, or with `user`, signs in as that local user

    Args:
        user (None | str | Unset): Local user name: 1-40 of A-Z a-z 0-9 . _ -
        next_ (None | str | Unset): Where in the UI to go afterwards: a path on this site, e.g.
            `/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        user=user,
        next_=next_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Development sign-in: a form, or with `user`, signs in as that local user

    Args:
        user (None | str | Unset): Local user name: 1-40 of A-Z a-z 0-9 . _ -
        next_ (None | str | Unset): Where in the UI to go afterwards: a path on this site, e.g.
            `/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            user=user,
            next_=next_,
        )
    ).parsed
