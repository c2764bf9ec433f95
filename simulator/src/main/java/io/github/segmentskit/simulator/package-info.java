/**
 * A stateful, in-memory simulator of BigCommerce's Segments API ({@link
 * io.github.segmentskit.simulator.SegmentsSimulator}), written from the spec independently of the
 * generated client.
 *
 * <h2>Statuses, and why</h2>
 *
 * <ul>
 *   <li><b>400</b>: the body cannot be read as the spec's shape: not JSON, not an array, an item of
 *       the wrong JSON type ({@code name: 5}, {@code customer_id: "7"}); also a query string that
 *       is not valid percent-encoding.
 *   <li><b>401</b>: {@code X-Auth-Token} missing or unknown. <b>403</b>: a read-only token on a
 *       write, or on {@code GetSegmentProfiles}, which the reference says needs modify; and a
 *       platform limit, nothing written: the 1000-segments-per-store and 1000-segments-per-shopper
 *       caps (BigCommerce's status guide names 403 for a request that would exceed a platform
 *       limit; the spec expects it, and declares 507 as possible too).
 *   <li><b>404</b>: the path names no resource: an unknown path, or a {@code segmentId} / {@code
 *       shopperProfileId} in the path that names nothing; also {@code PUT /segments} with an {@code
 *       id} that names no segment, since the items of a PUT are the resources it addresses (nothing
 *       is changed). Ids inside {@code id:in} of a DELETE or GET that name nothing are skipped
 *       silently.
 *   <li><b>409</b> (the spec's conflict bodies): {@code POST /segments} with a name already used
 *       (in the store or earlier in the batch), {@code POST /segments/{id}/shopper-profiles} with a
 *       profile already in the segment. The other items are written; they are listed in {@code
 *       data}, counted in {@code meta.success}.
 *   <li><b>422</b>: readable but invalid or missing data, nothing written: a malformed id (path,
 *       {@code id:in} or body; strict 8-4-4-4-12 hex), an empty array, a missing or empty {@code
 *       name}, {@code customer_id} below 1, {@code page}/{@code limit} below 1, an empty or
 *       repeated {@code id:in}, more than 50 ids in one add, a profile id that names no profile
 *       (the addressed resource, the segment, exists; its data is wrong), and the duplicates the
 *       spec gives no 409 for (a name used by another segment in a PUT, a customer that already has
 *       a shopper profile).
 *   <li><b>429</b>, with the {@code X-Rate-Limit-*} and {@code X-Retry-After} headers: more than
 *       {@code maxConcurrentRequests} requests of one store in flight (before authentication: the
 *       limit guards the server); after authentication, a store whose enforced quota for the window
 *       is used, or that a test rate limited ({@link
 *       io.github.segmentskit.simulator.SimulatedStore#rateLimitFor(java.time.Duration)}): the
 *       quota belongs to a store, and a request that names no valid token is not the store's; and
 *       injected by {@link io.github.segmentskit.simulator.FaultInjection}, as is <b>503</b>.
 *   <li><b>413</b>: a request body over 1 MiB; a {@code limit} above 250, the page-size maximum the
 *       spec assumes.
 *   <li>Outside the spec (the platform's statuses; a client meets them only when it breaks the
 *       protocol): <b>405</b> with {@code Allow}, <b>406</b> for an {@code Accept} that excludes
 *       JSON, <b>415</b> for a non-JSON {@code Content-Type}; <b>500</b> only for a simulator bug.
 * </ul>
 *
 * <p>{@code DELETE} without {@code id:in} deletes everything in scope, as the real API does, and is
 * counted in {@link io.github.segmentskit.simulator.Metrics#deleteAllRequests()}.
 */
package io.github.segmentskit.simulator;
