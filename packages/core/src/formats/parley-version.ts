/**
 * Parley's own scenario format, version 1: one JSON or YAML file a person can
 * read and edit. Issues and options are referred to by name everywhere.
 */
export const PARLEY_FORMAT_VERSION = 1;
