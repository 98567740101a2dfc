/**
 * HTTP delivery: turns a page of mapped records into exactly one HTTP request, sends it and reads
 * what the target answered.
 *
 * <p>{@link dev.apisync.activities.delivery.OutboundRequestFactory} is the single place a request
 * is built, so a dry-run preview shows byte for byte what a real run sends. Secrets (auth and
 * custom headers) are fetched by config id at send time and leave this package only through {@link
 * dev.apisync.activities.delivery.SecretRedactor}.
 */
package dev.apisync.activities.delivery;
