"""JSON for the page's whole-picture views: counts per week, facets, who-met-whom, map points.

    >>> from rasad.api.overview import router
    >>> sorted(r.path for r in router.routes)
    ['/api/overview/facets', '/api/overview/map', '/api/overview/network', '/api/overview/places', '/api/overview/weeks']

The filters are those of ``/api/timeline`` so that the counts match the list they sit beside.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from rasad.api.routes import Since, Status, Text, Type, Until, json_out
from rasad.store import Store
from rasad.store import overview as ov

router = APIRouter(prefix="/api", tags=["overview"])


def _store(request: Request) -> Store:
    return request.app.state.rasad.stores.get()  # type: ignore[no-any-return]


@router.get("/overview/weeks", summary="Merged events per week (weeks start on Saturday), by type and status")
@json_out
def weeks(
    request: Request, type: Type = None, status: Status = None, actor: Text = None,
    since: Since = None, until: Until = None,
) -> dict[str, Any]:
    return ov.weeks(_store(request), type=type, status=status, actor=actor, since=since, until=until)


@router.get("/overview/facets", summary="Counts of the filtered merged events by type, status, actor and outlet")
@json_out
def facets(
    request: Request, type: Type = None, status: Status = None, actor: Text = None,
    since: Since = None, until: Until = None,
    size: Annotated[int, Query(ge=1, le=ov.MAX_FACET, description="values per facet at most")] = 15,
) -> dict[str, Any]:
    return ov.facets(_store(request), type=type, status=status, actor=actor, since=since, until=until, size=size)


@router.get("/overview/network", summary="Who met whom: actors linked by shared CONSULT / AGREE events, weighted")
@json_out
def network(
    request: Request, since: Since = None, until: Until = None,
    types: Annotated[str, Query(pattern=r"^[A-Z_]{2,20}(,[A-Z_]{2,20})*$", description="event types, comma-separated")] = "CONSULT,AGREE",
    min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
    nodes: Annotated[int, Query(ge=2, le=300, description="actors shown at most")] = 60,
) -> dict[str, Any]:
    return ov.network(
        _store(request), since=since, until=until, types=tuple(types.split(",")), min_weight=min_weight, max_nodes=nodes
    )


@router.get("/overview/map", summary="Merged events by location, with GeoNames coordinates")
@json_out
def map_points(
    request: Request, type: Type = None, status: Status = None, actor: Text = None,
    since: Since = None, until: Until = None,
) -> dict[str, Any]:
    return ov.map_points(_store(request), type=type, status=status, actor=actor, since=since, until=until)


@router.get("/overview/places", summary="Locations of the filtered merged events with their Persian labels")
@json_out
def places(
    request: Request, type: Type = None, status: Status = None, actor: Text = None,
    since: Since = None, until: Until = None,
) -> dict[str, Any]:
    return ov.place_labels(_store(request), type=type, status=status, actor=actor, since=since, until=until)
