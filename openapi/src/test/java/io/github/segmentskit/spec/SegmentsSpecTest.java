package io.github.segmentskit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the kit promises about its own spec, beyond what any valid OpenAPI document has. */
class SegmentsSpecTest {
  private static OpenAPI api;

  @BeforeAll
  static void parse() {
    api = SpecLint.parse(Specs.segmentsSpec());
  }

  @Test
  void passesTheQualityGate() {
    assertThat(SpecLint.check(Specs.segmentsSpec())).isEmpty();
  }

  @Test
  void declaresTheElevenOperationsWithBigCommerceOperationIds() {
    assertThat(operations().keySet())
        .containsExactlyInAnyOrder(
            "GET /segments GetPaginatedSegmentsList",
            "POST /segments SegmentsPostRequest",
            "PUT /segments PutSegmentObjects",
            "DELETE /segments DeleteStoreSegment",
            "GET /segments/{segmentId}/shopper-profiles GetSegmentProfiles",
            "POST /segments/{segmentId}/shopper-profiles PostShopperProfile",
            "DELETE /segments/{segmentId}/shopper-profiles DeleteShopperProfile",
            "GET /shopper-profiles GetShopperList",
            "POST /shopper-profiles ShopperProfilesRequest",
            "DELETE /shopper-profiles DeleteStoreShopperProfile",
            "GET /shopper-profiles/{shopperProfileId}/segments GetListShopperProfile");
  }

  @Test
  void serverUrlCarriesTheStoreHashVariable() {
    assertThat(api.getServers()).hasSize(1);
    assertThat(api.getServers().get(0).getUrl())
        .isEqualTo("https://api.bigcommerce.com/stores/{store_hash}/v3");
    assertThat(api.getServers().get(0).getVariables()).containsKey("store_hash");
  }

  @Test
  void authenticatesWithTheXAuthTokenHeader() {
    SecurityScheme scheme = api.getComponents().getSecuritySchemes().get("X-Auth-Token");
    assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
    assertThat(scheme.getIn()).isEqualTo(SecurityScheme.In.HEADER);
    assertThat(scheme.getName()).isEqualTo("X-Auth-Token");
    assertThat(api.getSecurity()).anySatisfy(r -> assertThat(r).containsKey("X-Auth-Token"));
  }

  @Test
  void everyOperationRequiresAcceptAndWritesRequireContentType() {
    operations()
        .forEach(
            (name, operation) -> {
              Map<String, Parameter> headers = headerParameters(operation);
              assertThat(headers).as(name).containsKey("Accept");
              assertThat(headers.get("Accept").getRequired()).as(name).isTrue();
              boolean write = name.startsWith("POST") || name.startsWith("PUT");
              assertThat(headers.containsKey("Content-Type")).as(name).isEqualTo(write);
              if (write) {
                assertThat(headers.get("Content-Type").getRequired()).as(name).isTrue();
              }
            });
  }

  @Test
  void everyOperationDocumentsTheErrorsARealClientMeets() {
    operations()
        .forEach(
            (name, operation) -> {
              assertThat(operation.getResponses().keySet())
                  .as(name)
                  .contains("401", "403", "404", "422", "429", "500", "502", "503", "504");
              if (name.startsWith("POST") || name.startsWith("PUT")) {
                assertThat(operation.getResponses().keySet()).as(name).contains("400", "413");
              }
            });
  }

  @Test
  void pageSizeIsAtMost250AndListsAnswerALargerLimitWith413() {
    Schema<?> limit = api.getComponents().getParameters().get("limit").getSchema();
    assertThat(limit.getMinimum()).isEqualByComparingTo("1");
    assertThat(limit.getMaximum()).isEqualByComparingTo("250");
    operations().entrySet().stream()
        .filter(e -> e.getKey().startsWith("GET"))
        .forEach(
            e ->
                assertThat(e.getValue().getResponses().get("413").get$ref())
                    .as(e.getKey())
                    .endsWith("/PageSizeTooLarge"));
  }

  @Test
  void forbiddenCoversBothAMissingScopeAndAPlatformLimit() {
    var forbidden = api.getComponents().getResponses().get("Forbidden");
    assertThat(forbidden.getDescription()).contains("OAuth scope").contains("platform limit");
    assertThat(forbidden.getContent().get("application/json").getExamples())
        .containsOnlyKeys("missing-scope", "platform-limit");
  }

  @Test
  void theCappedWritesAlsoDeclareInsufficientStorage() {
    for (String name :
        List.of(
            "POST /segments SegmentsPostRequest",
            "POST /segments/{segmentId}/shopper-profiles PostShopperProfile")) {
      assertThat(operations().get(name).getResponses()).as(name).containsKey("507");
      assertThat(operations().get(name).getDescription()).as(name).contains("403");
    }
  }

  @Test
  void updateSegmentsAcceptsBothOkAndCreated() {
    Operation put = operations().get("PUT /segments PutSegmentObjects");
    assertThat(put.getResponses().keySet()).contains("200", "201");
  }

  @Test
  void rateLimitedResponseDeclaresTheRateLimitHeaders() {
    var tooMany = api.getComponents().getResponses().get("TooManyRequests");
    assertThat(tooMany.getHeaders().keySet())
        .contains(
            "X-Rate-Limit-Time-Window-Ms",
            "X-Rate-Limit-Time-Reset-Ms",
            "X-Rate-Limit-Requests-Quota",
            "X-Rate-Limit-Requests-Left",
            "X-Retry-After");
  }

  @Test
  void conflictsTypeTheItemsThatWereWrittenAnyway() {
    assertThat(conflictSchema("POST /segments SegmentsPostRequest"))
        .endsWith("/SegmentsConflictResponse");
    assertThat(conflictSchema("POST /segments/{segmentId}/shopper-profiles PostShopperProfile"))
        .endsWith("/SegmentShopperProfilesConflictResponse");
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    assertThat(dataItems(schemas.get("SegmentsConflictResponse"))).endsWith("/Segment");
    assertThat(dataItems(schemas.get("SegmentShopperProfilesConflictResponse")))
        .endsWith("/ShopperProfile");
  }

  @Test
  void theProfileConflictExampleIsAProfileAlreadyInTheSegment() {
    Object example =
        api.getComponents()
            .getResponses()
            .get("ShopperProfilesConflict")
            .getContent()
            .get("application/json")
            .getExample();
    assertThat(example.toString())
        .contains("already exists in the segment")
        .doesNotContain("same name");
  }

  private static String conflictSchema(String operation) {
    String ref = operations().get(operation).getResponses().get("409").get$ref();
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    return api.getComponents()
        .getResponses()
        .get(name)
        .getContent()
        .get("application/json")
        .getSchema()
        .get$ref();
  }

  private static String dataItems(Schema<?> conflict) {
    return ((Schema<?>) conflict.getProperties().get("data")).getItems().get$ref();
  }

  @Test
  void idsAreUuidsAndTimestampsAreDateTimes() {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    for (String model : List.of("Segment", "ShopperProfile")) {
      Map<String, Schema> properties = schemas.get(model).getProperties();
      assertThat(properties.get("id").getFormat()).as(model + ".id").isEqualTo("uuid");
      assertThat(properties.get("created_at").getFormat()).as(model).isEqualTo("date-time");
      assertThat(properties.get("updated_at").getFormat()).as(model).isEqualTo("date-time");
    }
    Schema<?> put = schemas.get("SegmentPut");
    assertThat(put.getRequired()).containsExactly("id");
    assertThat(((Schema<?>) put.getProperties().get("id")).getFormat()).isEqualTo("uuid");
    assertThat(api.getComponents().getParameters().get("segmentId").getSchema().getFormat())
        .isEqualTo("uuid");
    assertThat(api.getComponents().getParameters().get("shopperProfileId").getSchema().getFormat())
        .isEqualTo("uuid");
  }

  @Test
  void requestArraysAreNeverEmptyAndProfileAddsHoldAtMostFifty() {
    operations().entrySet().stream()
        .filter(e -> e.getValue().getRequestBody() != null)
        .forEach(
            e -> {
              Schema<?> body =
                  e.getValue().getRequestBody().getContent().get("application/json").getSchema();
              assertThat(body.getType()).as(e.getKey()).isEqualTo("array");
              assertThat(body.getMinItems()).as(e.getKey()).isEqualTo(1);
            });
    Schema<?> addProfiles =
        operations()
            .get("POST /segments/{segmentId}/shopper-profiles PostShopperProfile")
            .getRequestBody()
            .getContent()
            .get("application/json")
            .getSchema();
    assertThat(addProfiles.getMaxItems()).isEqualTo(50);
    assertThat(addProfiles.getItems().getFormat()).isEqualTo("uuid");
  }

  @Test
  void deleteOperationsWarnThatLeavingOutIdInDeletesEverything() {
    operations().entrySet().stream()
        .filter(e -> e.getKey().startsWith("DELETE"))
        .forEach(
            e -> {
              Parameter idIn = headerOrQuery(e.getValue(), "id:in");
              assertThat(idIn).as(e.getKey()).isNotNull();
              assertThat(idIn.getStyle()).isEqualTo(Parameter.StyleEnum.FORM);
              assertThat(idIn.getExplode()).isFalse();
              assertThat(idIn.getDescription()).as(e.getKey()).containsIgnoringCase("omitted");
              assertThat(e.getValue().getDescription()).as(e.getKey()).contains("DANGER");
            });
  }

  @Test
  void concurrencyLimitIsWrittenIntoTheLimitedOperations() {
    for (String name :
        List.of(
            "POST /segments SegmentsPostRequest",
            "PUT /segments PutSegmentObjects",
            "POST /segments/{segmentId}/shopper-profiles PostShopperProfile")) {
      assertThat(operations().get(name).getDescription()).as(name).contains("10 concurrent");
    }
  }

  private static Map<String, Operation> operations() {
    Map<String, Operation> operations = new LinkedHashMap<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            operations.put(
                                method + " " + path + " " + operation.getOperationId(),
                                operation)));
    return operations;
  }

  private static Map<String, Parameter> headerParameters(Operation operation) {
    return operation.getParameters().stream()
        .map(SegmentsSpecTest::resolve)
        .filter(p -> "header".equals(p.getIn()))
        .collect(Collectors.toMap(Parameter::getName, p -> p));
  }

  private static Parameter headerOrQuery(Operation operation, String name) {
    return operation.getParameters().stream()
        .map(SegmentsSpecTest::resolve)
        .filter(p -> name.equals(p.getName()))
        .findFirst()
        .orElse(null);
  }

  private static Parameter resolve(Parameter parameter) {
    if (parameter.get$ref() == null) {
      return parameter;
    }
    String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getParameters().get(name);
  }
}
