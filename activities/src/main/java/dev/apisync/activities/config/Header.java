package dev.apisync.activities.config;

/** A custom request header of a config (≙ {@code bj.api.sync.header}). */
public record Header(String key, String value) {}
