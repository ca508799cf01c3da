-- Since 0102 the events' primary key is (city_id, request_id, id): the index of the same columns
-- made in 0002 only doubled the work of every event insert (intake writes one per request).
DROP INDEX IF EXISTS request_events_request;
