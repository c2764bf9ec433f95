package io.github.segmentskit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.segmentskit.contract.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.BadRequestException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPut;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of docs/using-the-client.md, run against WireMock: it must compile and work. */
class UsingTheClientExampleTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  @AfterEach
  void validateAgainstSpec() {
    SpecValidation.assertAllInteractionsMatchSpec(wireMock);
  }

  @Test
  void theDocumentedExampleUpdatesTwoSegments() {
    wireMock.stubFor(
        put(urlEqualTo("/stores/abc123/v3/segments"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("update-segments-response.json"))));

    List<String> log = example(URI.create(wireMock.baseUrl() + "/stores/abc123/v3"));

    assertThat(log)
        .containsExactly(
            "updated 3fa85f64-5717-4562-b3fc-2c963f66afa6: Wholesale and trade buyers",
            "updated 9c2e7b1a-4d3f-4a8e-8b6c-1f0e2d3c4b5a: Newsletter subscribers");
  }

  /** The code of docs/using-the-client.md, with {@code System.out} replaced by a list. */
  private static List<String> example(URI baseUri) {
    List<String> out = new ArrayList<>();
    String token = Fixtures.TOKEN; // e.g. System.getenv("BIGCOMMERCE_TOKEN")

    // --- begin example ---
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash("abc123")
            .accessToken(token)
            .baseUri(baseUri) // leave out for https://api.bigcommerce.com/stores/abc123/v3
            .build()) {
      List<Segment> updated =
          client
              .segments()
              .update(
                  List.of(
                      new SegmentPut()
                          .id(Ids.parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                          .name("Wholesale and trade buyers"),
                      new SegmentPut()
                          .id(Ids.parse("9c2e7b1a-4d3f-4a8e-8b6c-1f0e2d3c4b5a"))
                          .description("Monthly newsletter.")))
              .execute();
      for (Segment segment : updated) {
        out.add("updated " + segment.getId() + ": " + segment.getName());
      }
    } catch (SegmentsValidationException e) {
      out.add("not sent: " + e.problems()); // bad input, nothing left the client
    } catch (BadRequestException e) {
      out.add("rejected: " + e.errors()); // e.g. {0.id=must be a valid UUID}
    } catch (RateLimitedException e) {
      out.add("rate limited, retry after " + e.resetAfter().orElse(null));
    } catch (SegmentsApiException e) {
      out.add(e.getMessage()); // PUT /segments -> 422 Unprocessable Entity: ...
    } catch (SegmentsConnectionException e) {
      out.add("no answer: " + e.getMessage()); // includes SegmentsTimeoutException
    } catch (SegmentsException e) {
      out.add("not done: " + e.getMessage()); // an untrustworthy response, no permit in time ...
    }
    // --- end example ---
    return out;
  }
}
