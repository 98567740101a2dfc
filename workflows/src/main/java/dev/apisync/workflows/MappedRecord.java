package dev.apisync.workflows;

/** One source record turned into its JSON object (as text, so any JSON library can carry it). */
public record MappedRecord(long recordId, String json) {}
