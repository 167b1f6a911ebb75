-- Which person (client pseudonym) each episode belongs to, so an export's k counts people, not episodes.
SELECT episode_ref AS EpisodeRef, client_ref AS ClientRef FROM episodes;
