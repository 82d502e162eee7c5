package org.dphub.directory;

/** What the cost of a service is for: a session, an hour, a term; or it is free (cost 0). */
public enum CostUnit {
    SESSION, HOUR, TERM, FREE
}
