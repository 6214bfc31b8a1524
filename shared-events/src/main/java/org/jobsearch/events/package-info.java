/**
 * Integration event contracts of the platform: the only way services talk to each other.
 *
 * <p>Each event is an immutable record with a JSON Schema ({@code schemas/<EventName>.v<N>.json}) and a golden
 * sample ({@code samples/<EventName>.v<N>.json}) on the classpath; {@link org.jobsearch.events.EventType} ties a
 * record to its {@code ce_type} header value, aggregate type and topic. This package carries annotations only
 * (Jackson, Bean Validation): each service brings the runtime.
 */
package org.jobsearch.events;
