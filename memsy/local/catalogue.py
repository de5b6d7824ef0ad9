"""The fake providers behind memsy.local's connectors: one believable account per provider, what it offers to
select (Slack channels, GitHub repositories and their branches, Notion workspaces, Google Drive files, OneDrive
folders and files, an S3 bucket) and the content a backfill reads from a selected resource.

Which providers exist and who owns a connection (org or member) come from the contract (``ConnectorProvider`` and
its ``x-memsy-provider-scope``); what each provider's account holds is the fake's own business and lives here.
Content is deterministic: the history of a resource (round 0) plus one new item per resource for each later sync
round, so that a sync has something new to ingest and tests can tell it happened.

Fixed ids a developer can use against memsy.local (shown by ``list_resources`` once consent is given):

* Slack: channels ``C0GENERAL``, ``C0TRAVEL``, ``C0ENG``, ``C0RANDOM``;
* GitHub: ``acme/booking-api``, ``acme/travel-web``, ``acme/handbook`` (branches ``owner/name:branch``);
* Notion: workspaces ``ws-acme-wiki``, ``ws-acme-eng``;
* Google Drive (not listable, chosen with the Google Picker in a real browser): files ``1DrvTravelPolicy``,
  ``1DrvOffsiteNotes``, folder ``1DrvTeamFolder``;
* OneDrive: folders ``01DOCS`` and ``01TRIPS`` at the root (drill with ``parent_id``), file ``01WELCOME``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from .contract import load_contract


@dataclass(frozen=True)
class Resource:
    """Something a connector offers to select."""

    external_id: str
    resource_type: str
    name: str
    parent_id: str | None = None
    """The folder it is in (navigable providers), None at the top."""


@dataclass(frozen=True)
class Item:
    """One piece of a resource's content (a message, a page, a file, a commit): one event when ingested."""

    item_id: str
    """Unique within the connector: an item already ingested is never ingested again."""
    author: str
    text: str
    days_ago: float
    document: bool
    """A document (ingested as an ``app_event``) rather than something a person said (a ``user_message``)."""


@dataclass(frozen=True)
class Account:
    """The account a connector reaches once consent is given."""

    display_name: str
    external_account_id: str
    scopes: tuple[str, ...]


@dataclass(frozen=True)
class FakeProvider:
    slug: str
    oauth: bool
    resource_types: tuple[str, ...]
    """Resource types a selection may name for this provider."""
    account: Account
    resources: tuple[Resource, ...] = ()
    content: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Per resource id, its history: (author, text) pairs, oldest last."""
    enumerable: bool = True
    """False for Google Drive: the server cannot list it, only what was selected."""
    navigable: bool = False
    """Whether ``parent_id`` drills into folders."""
    has_branches: bool = False
    has_picker: bool = False

    # ------------------------------------------------------------------------------------------------ listing

    def listing(self, parent_id: str | None) -> list[Resource]:
        """What the account offers at the top, or inside folder ``parent_id``; KeyError for an unknown folder."""
        if parent_id is not None and not any(
            r.external_id == parent_id and r.resource_type == "folder" for r in self.resources
        ):
            raise KeyError(parent_id)
        return [r for r in self.resources if r.parent_id == parent_id and r.resource_type in self.resource_types]

    def find(self, external_id: str) -> Resource | None:
        for resource in self.resources:
            if resource.external_id == external_id:
                return resource
        return None

    def branches(self, repo: str) -> list[Resource]:
        """The branches of a repository (default branch first); KeyError for an unknown repository."""
        found = self.find(repo)
        if found is None or found.resource_type != "repo":
            raise KeyError(repo)
        return [r for r in self.resources if r.parent_id == repo and r.resource_type in ("branch", "default_branch")]

    # ------------------------------------------------------------------------------------------------ content

    def items(self, resource: Resource, sync_round: int) -> list[Item]:
        """The content of a selected resource as of a sync round: its history, one new item per later round,
        and for a folder everything inside it."""
        found: list[Item] = []
        pending = [resource]
        while pending:
            current = pending.pop(0)
            history = self.content.get(current.external_id, ())
            found += [
                Item(f"{current.external_id}#{index}", author, text, 2.0 + index, self._is_document(current))
                for index, (author, text) in enumerate(history)
            ]
            if history:
                found += [
                    Item(
                        f"{current.external_id}#r{n}",
                        history[0][0],
                        f"Update {n} on {current.name}: we decided to review open requests every Monday.",
                        0.0,
                        self._is_document(current),
                    )
                    for n in range(1, sync_round + 1)
                ]
            pending += [child for child in self.resources if self._inside(child, current)]
        return found

    @staticmethod
    def _inside(child: Resource, parent: Resource) -> bool:
        """Whether selecting ``parent`` reads ``child`` too: a folder's content; a repository's default branch."""
        if child.parent_id != parent.external_id:
            return False
        return parent.resource_type != "repo" or child.resource_type == "default_branch"

    def _is_document(self, resource: Resource) -> bool:
        return resource.resource_type not in ("channel",)


_S3 = FakeProvider(
    slug="s3",
    oauth=False,
    resource_types=("bucket",),
    account=Account("Amazon S3", "aws-local", ("s3:GetObject", "s3:ListBucket")),
)
_ACCESS_KEY_ID = re.compile(r"(?:AKIA|ASIA)[A-Z0-9]{16}")
_SECRET_ACCESS_KEY = re.compile(r"[A-Za-z0-9/+]{40}")
_REGION = re.compile(r"[a-z]{2}(?:-[a-z]+)+-[0-9]")
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")


def s3_can_read(access_key_id: str, secret_access_key: str, region: str, bucket: str) -> bool:
    """Whether the fake S3 accepts these credentials for this bucket: AWS-shaped keys (``AKIA`` or ``ASIA`` and
    16 capitals or digits; a 40-character secret), a region name and a valid bucket name. Any bucket exists."""
    return bool(
        _ACCESS_KEY_ID.fullmatch(access_key_id)
        and _SECRET_ACCESS_KEY.fullmatch(secret_access_key)
        and _REGION.fullmatch(region)
        and _BUCKET.fullmatch(bucket)
        and ".." not in bucket
    )


def s3_with_bucket(bucket: str) -> FakeProvider:
    """The fake S3 as a connector configured for ``bucket`` sees it: that bucket, holding a few notes."""
    notes = (
        ("s3-notes", f"Notes in {bucket}: we decided to ship the new itinerary emails next sprint."),
        ("s3-notes", "Standup: the team prefers written updates over calls on Fridays."),
        ("s3-notes", "Runbook: refunds must be approved by a second person before they are paid."),
    )
    return replace(_S3, resources=(Resource(bucket, "bucket", bucket),), content={bucket: notes})


_SLACK = FakeProvider(
    slug="slack",
    oauth=True,
    resource_types=("channel",),
    account=Account("Acme Travel", "T0ACME01", ("channels:history", "channels:read", "users:read")),
    resources=(
        Resource("C0GENERAL", "channel", "general"),
        Resource("C0TRAVEL", "channel", "travel-desk"),
        Resource("C0ENG", "channel", "engineering"),
        Resource("C0RANDOM", "channel", "random"),
    ),
    content={
        "C0GENERAL": (
            ("U0ADA", "Reminder: we always book refundable fares for conference trips."),
            ("U0GRACE", "I prefer morning flights when I travel to Berlin."),
        ),
        "C0TRAVEL": (
            ("U0LIN", "We decided to move hotel bookings to the Harbour Hotel group from June."),
            ("U0ADA", "Policy: economy class for flights under six hours."),
        ),
        "C0ENG": (
            ("U0GRACE", "We decided to use PostgreSQL for the booking service."),
            ("U0LIN", "Deploys must never happen on Fridays."),
        ),
        "C0RANDOM": (("U0ADA", "I love the new espresso machine on the third floor."),),
    },
)

_GITHUB = FakeProvider(
    slug="github",
    oauth=True,
    resource_types=("repo", "branch", "default_branch"),
    account=Account("acme", "gh-acme", ("repo", "read:org")),
    resources=(
        Resource("acme/booking-api", "repo", "booking-api"),
        Resource("acme/booking-api:main", "default_branch", "main", "acme/booking-api"),
        Resource("acme/booking-api:develop", "branch", "develop", "acme/booking-api"),
        Resource("acme/booking-api:feature/fare-cache", "branch", "feature/fare-cache", "acme/booking-api"),
        Resource("acme/travel-web", "repo", "travel-web"),
        Resource("acme/travel-web:main", "default_branch", "main", "acme/travel-web"),
        Resource("acme/handbook", "repo", "handbook"),
        Resource("acme/handbook:main", "default_branch", "main", "acme/handbook"),
    ),
    content={
        "acme/booking-api:main": (
            ("octo-ada", "The booking service must validate every fare against the policy engine."),
            ("octo-grace", "We decided to cache fare quotes for five minutes."),
        ),
        "acme/booking-api:develop": (("octo-lin", "Develop branch: we plan to add seat maps to the booking flow."),),
        "acme/booking-api:feature/fare-cache": (("octo-grace", "Fare cache entries should expire at midnight UTC."),),
        "acme/travel-web:main": (("octo-lin", "The travel site must load the itinerary page in under two seconds."),),
        "acme/handbook:main": (("octo-ada", "New joiners should book their first trip with a buddy."),),
    },
    has_branches=True,
)

_NOTION = FakeProvider(
    slug="notion",
    oauth=True,
    resource_types=("workspace",),
    account=Account("Acme Travel wiki", "notion-acme", ("read_content",)),
    resources=(
        Resource("ws-acme-wiki", "workspace", "Acme Travel wiki"),
        Resource("ws-acme-eng", "workspace", "Acme Engineering"),
    ),
    content={
        "ws-acme-wiki": (
            ("notion-ada", "Travel policy: employees should take the train for trips under four hours."),
            ("notion-grace", "Expense reports are due by the fifth working day of the month."),
        ),
        "ws-acme-eng": (("notion-lin", "On-call engineers must acknowledge pages within fifteen minutes."),),
    },
)

_GOOGLE_DRIVE = FakeProvider(
    slug="google_drive",
    oauth=True,
    resource_types=("file", "folder"),
    account=Account("ada@acme.example", "drive-ada", ("https://www.googleapis.com/auth/drive.file",)),
    resources=(
        Resource("1DrvTravelPolicy", "file", "Travel policy 2026"),
        Resource("1DrvOffsiteNotes", "file", "Offsite notes"),
        Resource("1DrvTeamFolder", "folder", "Team folder"),
        Resource("1DrvTeamRota", "file", "Support rota", "1DrvTeamFolder"),
    ),
    content={
        "1DrvTravelPolicy": (("drive-ada", "Travel policy 2026: business class is allowed on long-haul flights."),),
        "1DrvOffsiteNotes": (("drive-ada", "Offsite notes: we decided to hold the next offsite in Lisbon."),),
        "1DrvTeamRota": (("drive-grace", "Support rota: Grace covers weekend support in May."),),
    },
    enumerable=False,
    has_picker=True,
)

_ONEDRIVE = FakeProvider(
    slug="onedrive",
    oauth=True,
    resource_types=("folder", "file"),
    account=Account("lin@acme.example", "onedrive-lin", ("Files.Read", "offline_access")),
    resources=(
        Resource("01DOCS", "folder", "Documents"),
        Resource("01TRIPS", "folder", "Trips"),
        Resource("01WELCOME", "file", "Welcome.docx"),
        Resource("01DOCS-POLICY", "file", "Expense policy.docx", "01DOCS"),
        Resource("01DOCS-ARCHIVE", "folder", "Archive", "01DOCS"),
        Resource("01ARCH-2025", "file", "2025 review.docx", "01DOCS-ARCHIVE"),
        Resource("01TRIPS-LISBON", "file", "Lisbon offsite.docx", "01TRIPS"),
    ),
    content={
        "01WELCOME": (("onedrive-lin", "Welcome: our team prefers shared calendars for planning trips."),),
        "01DOCS-POLICY": (("onedrive-lin", "Expense policy: taxi receipts must be uploaded within a week."),),
        "01ARCH-2025": (("onedrive-lin", "2025 review: we decided to consolidate travel agencies."),),
        "01TRIPS-LISBON": (("onedrive-lin", "Lisbon offsite: I prefer the hotel near the river."),),
    },
    navigable=True,
)


@cache
def providers() -> dict[str, FakeProvider]:
    """The fake provider of each slug the contract lists, in the contract's order; a slug without a fake here
    stops memsy.local at start-up rather than at the first request."""
    fakes = {p.slug: p for p in (_SLACK, _S3, _NOTION, _GITHUB, _GOOGLE_DRIVE, _ONEDRIVE)}
    slugs = load_contract()["components"]["schemas"]["ConnectorProvider"]["enum"]
    missing = [slug for slug in slugs if slug not in fakes]
    if missing:
        raise RuntimeError(f"connector providers of openapi.yaml without a fake in memsy.local: {', '.join(missing)}")
    return {slug: fakes[slug] for slug in slugs}


@cache
def provider_scopes() -> dict[str, str]:
    """``org`` or ``user`` for each provider, from the contract's ``x-memsy-provider-scope``."""
    scopes: dict[str, str] = load_contract()["components"]["schemas"]["ConnectorProvider"]["x-memsy-provider-scope"]
    return dict(scopes)
