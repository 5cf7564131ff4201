-- Whether `db:seed` has anything left to do: seed.ts fills each collection only while it is empty.
-- The orchestrator (tools/src/cms-state.ts) asks this first so that a warm start skips loading
-- Payload's CLI (about 5 s). Keep it in step with seed.ts.
select not (
  exists (select 1 from payload.users)
  and exists (select 1 from payload.media)
  and exists (select 1 from payload.services)
  and exists (select 1 from payload.case_studies where client_name is not null)
  and exists (select 1 from payload.pages)
  and exists (select 1 from payload.team_members)
  and exists (select 1 from payload.testimonials)
  and exists (select 1 from payload.site_settings where site_name <> '')
  and exists (select 1 from payload.models where status = 'ready')
  and exists (select 1 from payload.services where model_id is not null)
) as needed
