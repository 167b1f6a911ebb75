SELECT pull_id AS PullId, owner AS Owner FROM pulls WHERE status = 'running' ORDER BY pull_id;
