from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_dev_login_submit import BodyDevLoginSubmit
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyDevLoginSubmit | Unset = UNSET,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

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
        "method": "post",
        "url": "/api/auth/dev-login",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyDevLoginSubmit | Unset = UNSET,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Development sign-in as a local user (form or query fields `user`, `next`); without a name, as `dev-
    user`

    Args:
        user (None | str | Unset): Local user name: 1-40 of A-Z a-z 0-9 . _ -
        next_ (None | str | Unset):
        body (BodyDevLoginSubmit | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
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
    body: BodyDevLoginSubmit | Unset = UNSET,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Development sign-in as a local user (form or query fields `user`, `next`); without a name, as `dev-
    user`

    Args:
        user (None | str | Unset): Local user name: 1-40 of A-Z a-z 0-9 . _ -
        next_ (None | str | Unset):
        body (BodyDevLoginSubmit | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        user=user,
        next_=next_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyDevLoginSubmit | Unset = UNSET,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Development sign-in as a local user (form or query fields `user`, `next`); without a name, as `dev-
    user`

    Args:
        user (None | str | Unset): Local user name: 1-40 of A-Z a-z 0-9 . _ -
        next_ (None | str | Unset):
        body (BodyDevLoginSubmit | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        user=user,
        next_=next_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyDevLoginSubmit | Unset = UNSET,
    user: None | str | Unset = UNSET,
    next_: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Development sign-in as a local user (form or query fields `user`, `next`); without a name, as `dev-
    user`

    Args:
        user (None | str | Unset): Local user name: 1-40 of A-Z a-z 0-9 . _ -
        next_ (None | str | Unset):
        body (BodyDevLoginSubmit | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            user=user,
            next_=next_,
        )
    ).parsed
