-- Hand-written (drizzle-kit does not model functions): the dashboard overview's statement, as a
-- PL/pgSQL function so that its plan is cached. The Worker opens a new client per request and sends
-- unnamed statements, so an inline statement is parsed and planned on every request; for this one
-- (three lists, five sources of activity, about twenty relations) planning took 1.3-1.9 ms and
-- running it under 1 ms. PL/pgSQL keeps the plan of each statement it runs for the life of the
-- backend, and the backends behind Hyperdrive (and behind the local pooler that stands in for it)
-- live on across requests, so a warm backend answers in about 0.6 ms instead of 2.5-4 ms.
--
-- The caller's scope is `scope_company`: null for the studio (every company), else the client's
-- company. It is applied once, as the set of companies in scope (`in_scope`, which also gives each
-- row its company name), rather than as a condition on each source: a generic plan then still finds
-- a client's rows through the company-id indexes. A client sees only the client-visible events.
-- The query is an inlined SQL function, run by two statements of `dashboard_overview`, one for the
-- studio and one for a client, so each keeps a plan of its own: with one statement for both, a
-- backend that had served the studio planned a client's overview to scan every company's rows
-- (450-550 ms a call at 6,000 projects and 120,000 runs, against 2-6 ms).
-- `api/src/data/overview.ts` documents the json it returns and reads it; the events' json is the
-- shape `eventJson` in `api/src/data/activity.ts` writes for the other pages, and the api tests
-- compare the two. Change this function with a new migration (`create or replace`).
CREATE FUNCTION "app"."dashboard_overview_rows"(scope_company uuid, list_limit integer, activity_limit integer)
RETURNS TABLE (overview json) LANGUAGE sql STABLE AS $$
WITH in_scope AS MATERIALIZED (
	SELECT c.id, c.name FROM app.companies c WHERE scope_company IS NULL OR c.id = scope_company
)
SELECT json_build_object(
	'projects', coalesce((SELECT json_agg(x) FROM (
		SELECT p.id, p.name, p.status, p.due_at AS "dueAt", c.name AS "companyName",
			(SELECT count(*) FROM app.project_milestones m WHERE m.project_id = p.id)::int AS "milestonesTotal",
			(SELECT count(*) FROM app.project_milestones m
				WHERE m.project_id = p.id AND m.done_at IS NOT NULL)::int AS "milestonesDone",
			(SELECT json_build_object('title', m.title, 'dueAt', m.due_at) FROM app.project_milestones m
				WHERE m.project_id = p.id AND m.done_at IS NULL
				ORDER BY m.position, m.due_at NULLS LAST, m.id LIMIT 1) AS "nextMilestone"
		FROM app.projects p JOIN in_scope c ON c.id = p.company_id
		ORDER BY p.status = 'done', p.due_at ASC NULLS LAST, p.name
		LIMIT list_limit
	) x), '[]'::json),

	'automations', coalesce((SELECT json_agg(x) FROM (
		SELECT a.id, a.title, a.status, c.name AS "companyName",
			(SELECT json_build_object('startedAt', r.started_at, 'outcome', r.outcome, 'durationMs', r.duration_ms)
				FROM app.automation_runs r WHERE r.automation_id = a.id
				ORDER BY r.started_at DESC LIMIT 1) AS "lastRun"
		FROM app.automations a JOIN in_scope c ON c.id = a.company_id
		ORDER BY array_position(ARRAY['active', 'paused', 'draft']::text[], a.status::text), a.title
		LIMIT list_limit
	) x), '[]'::json),

	-- Each automation's latest run and every failure (an hourly job would otherwise bury the
	-- rest), pauses and resumes, completed milestones, delivered versions, and the activity feed
	-- without its uploads (the versions above already list every one).
	'activity', coalesce((SELECT json_agg(u.item ORDER BY u.at DESC) FROM (
		SELECT * FROM (
			(SELECT r.started_at AS at, json_build_object('kind', 'run', 'at', r.started_at,
				'automationId', a.id, 'automationTitle', a.title, 'outcome', r.outcome,
				'durationMs', r.duration_ms, 'companyName', c.name) AS item
			FROM app.automation_runs r JOIN app.automations a ON a.id = r.automation_id
				JOIN in_scope c ON c.id = a.company_id
			WHERE r.outcome = 'failure'
			ORDER BY r.started_at DESC LIMIT activity_limit)
			UNION ALL
			-- Each automation's latest run unless it failed (then the branch above has it).
			(SELECT r.started_at, json_build_object('kind', 'run', 'at', r.started_at,
				'automationId', a.id, 'automationTitle', a.title, 'outcome', r.outcome,
				'durationMs', r.duration_ms, 'companyName', c.name)
			FROM app.automations a JOIN in_scope c ON c.id = a.company_id
				CROSS JOIN LATERAL (SELECT latest.started_at, latest.outcome, latest.duration_ms
					FROM app.automation_runs latest WHERE latest.automation_id = a.id
					ORDER BY latest.started_at DESC LIMIT 1) r
			WHERE r.outcome <> 'failure'
			ORDER BY r.started_at DESC LIMIT activity_limit)
			UNION ALL
			(SELECT l.at, json_build_object('kind', 'state', 'at', l.at, 'automationId', a.id,
				'automationTitle', a.title, 'action', l.action, 'actorName', actor.name, 'companyName', c.name)
			FROM app.audit_log l JOIN in_scope c ON c.id = l.company_id
				JOIN app.automations a ON a.id::text = l.target_id AND a.company_id = l.company_id
				LEFT JOIN app.users actor ON actor.id = l.actor_id
			WHERE l.target_type = 'automation' AND l.action IN ('automation.paused', 'automation.resumed')
			ORDER BY l.at DESC LIMIT activity_limit)
			UNION ALL
			(SELECT m.done_at, json_build_object('kind', 'milestone', 'at', m.done_at, 'projectId', p.id,
				'projectName', p.name, 'title', m.title, 'companyName', c.name)
			FROM app.project_milestones m JOIN app.projects p ON p.id = m.project_id
				JOIN in_scope c ON c.id = p.company_id
			WHERE m.done_at <= now()
			ORDER BY m.done_at DESC LIMIT activity_limit)
			UNION ALL
			(SELECT v.uploaded_at, json_build_object('kind', 'deliverable', 'at', v.uploaded_at,
				'projectId', p.id, 'projectName', p.name, 'title', d.title, 'version', v.number,
				'companyName', c.name)
			FROM app.deliverable_versions v JOIN app.project_deliverables d ON d.id = v.deliverable_id
				JOIN app.projects p ON p.id = d.project_id
				JOIN in_scope c ON c.id = p.company_id
			WHERE v.uploaded_at <= now()
			ORDER BY v.uploaded_at DESC LIMIT activity_limit)
			UNION ALL
			(SELECT e.at, json_build_object('kind', 'event', 'at', e.at, 'companyName', c.name,
				'event', json_build_object('id', e.id, 'at', e.at, 'kind', e.kind,
					'projectId', e.project_id, 'projectName', p.name, 'companyName', c.name,
					'actorName', actor.name,
					'actorRole', CASE WHEN actor.role IS NULL THEN NULL WHEN actor.role = 'client' THEN 'client' ELSE 'studio' END,
					'details', e.details, 'clientVisible', e.client_visible)) AS item
			FROM app.activity_events e JOIN in_scope c ON c.id = e.company_id
				LEFT JOIN app.projects p ON p.id = e.project_id
				LEFT JOIN app.users actor ON actor.id = e.actor_id
			WHERE e.kind <> 'version.uploaded' AND (scope_company IS NULL OR e.client_visible)
			ORDER BY e.at DESC LIMIT activity_limit)
		) items
		ORDER BY at DESC LIMIT activity_limit
	) u), '[]'::json)
) AS overview
$$;
--> statement-breakpoint
-- `force_generic_plan`: left to choose, the plan cache compares a generic plan's estimate with the
-- custom plans' and, once the runs table had grown and been analyzed, went back to planning every call
-- (2.4 ms a call instead of 0.5). The generic plans are the ones a custom plan would pick: the client's
-- statement reaches its rows through the company-id indexes whatever the company.
CREATE FUNCTION "app"."dashboard_overview"(scope_company uuid, list_limit integer, activity_limit integer)
RETURNS json LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	IF scope_company IS NULL THEN
		RETURN (SELECT o.overview FROM app.dashboard_overview_rows(NULL, list_limit, activity_limit) o);
	END IF;
	RETURN (SELECT o.overview FROM app.dashboard_overview_rows(scope_company, list_limit, activity_limit) o);
END
$$;
