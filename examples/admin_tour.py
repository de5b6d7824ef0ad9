"""A tour of the control plane with an admin key: who am I, usage, keys, billing, console events, plan interest.

memsy-local run -- python examples/admin_tour.py
"""

from __future__ import annotations

from memsy import AuthorizationError, BillingNotEnabledError, MemsyClient, MemsyControlClient


def main() -> None:
    with MemsyControlClient() as control, MemsyClient() as data:
        me = control.me()
        print(f"{me.email} ({me.org_role}) in {me.org_id}, plan {me.tier}")

        data.ingest([{"actor_id": "ops", "session_id": "tour", "kind": "app_event", "content": "Deployed v2.3."}])
        summary = control.usage.summary()
        for dimension in summary.dimensions:
            print(f"  {dimension.dimension:16} {dimension.used:>6} of {dimension.limit}")
        series = control.usage.timeseries(dimension="api_calls", granularity="hourly")
        print(f"  api_calls in {len(series.data)} hourly bucket(s): {sum(p.quantity for p in series.data)}")

        created = control.keys.create("ci-reader", scopes=["read"])
        print(f"new key {created.prefix}... ({created.key_id}); the secret is shown only once")
        with MemsyClient(api_key=created.raw_key) as reader:
            print(f"  the read-only key can search: {len(reader.search('deployed').results)} result(s)")
            try:
                reader.ingest([{"actor_id": "x", "session_id": "y", "kind": "app_event", "content": "z"}])
            except AuthorizationError as exc:
                print(f"  ...but not ingest: {exc.error_code} (needs {exc.required_scope})")
        keys = control.keys.list()
        print(f"{keys.active_count} active keys of {keys.max_keys}")
        control.keys.delete(created.key_id)
        print(f"revoked {created.key_id}; {control.keys.list().active_count} active")

        try:
            print(f"billing: {control.billing.summary().subscription_status}")
        except BillingNotEnabledError as exc:
            print(f"billing is not enabled (express interest at {exc.interest_path})")

        events = control.events.list(sort="ts_asc", limit=5)
        print(f"{events.total} event(s) in the console; first: {events.items[0].content if events.items else '-'}")
        if not control.interest.status():
            print(control.interest.express(me.email, "Local Admin", use_case="Trying the Pro plan").message)


if __name__ == "__main__":
    main()
