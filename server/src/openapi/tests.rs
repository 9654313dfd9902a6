use serde_json::json;

use super::*;

const PETSTORE_YAML: &str = r##"
openapi: 3.0.3
info:
  title: Pet Store
  version: 1.2.0
  description: |
    Sell and adopt pets. Everything about pets.
tags:
  - name: pets
paths:
  /pets/{petId}:
    parameters:
      - name: petId
        in: path
        required: true
        schema: { type: integer, format: int64, minimum: 1 }
        example: 42
    get:
      operationId: getPet
      tags: [pets]
      summary: Find a pet
      responses:
        200:
          description: The pet
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
        default:
          description: An error
  /pets:
    post:
      tags: [pets]
      summary: Add a pet
      requestBody:
        required: true
        content:
          application/json:
            schema:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    note: { type: string, format: shoe-size }
      responses:
        '201': { description: Created }
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: { type: string, example: Rex }
        kind: { type: string, enum: [dog, cat] }
        parent: { $ref: '#/components/schemas/Pet' }
        friends:
          type: array
          items: { $ref: '#/components/schemas/Pet' }
        owner: { $ref: '#/components/schemas/Missing' }
        shape:
          oneOf:
            - $ref: '#/components/schemas/Circle'
            - { type: string }
    Circle:
      type: object
      properties:
        radius: { type: number }
"##;

fn petstore() -> Document {
    parse(PETSTORE_YAML).expect("petstore parses")
}

#[test]
fn yaml_with_number_keys_is_indexed() {
    let doc = petstore();
    assert_eq!(doc.format, Format::Yaml);
    assert_eq!(doc.title, "Pet Store");
    assert_eq!(doc.api_version, "1.2.0");
    assert_eq!(doc.summary, "Sell and adopt pets.");
    let ids: Vec<_> = doc.operations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["post-pets", "getPet"]);
    let groups = doc.groups();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].0, "pets");
    assert!(doc.search_text().contains("/pets/{petid} find a pet"));
}

#[test]
fn odd_parts_become_warnings_not_errors() {
    let doc = petstore();
    let warnings = doc.warnings.join("\n");
    assert!(
        warnings.contains("#/components/schemas/Missing"),
        "{warnings}"
    );
    assert!(warnings.contains("shoe-size"), "{warnings}");
}

#[test]
fn recursive_schemas_render_without_looping() {
    let doc = petstore();
    let renderer = Renderer { document: &doc };
    let get = &doc.operations[1];
    let rendered = renderer.operation(get);
    assert_eq!(rendered.parameters.len(), 1);
    let pet_id = &rendered.parameters[0];
    assert_eq!(
        (pet_id.name.as_str(), pet_id.location.as_str()),
        ("petId", "path")
    );
    assert!(pet_id.required);
    assert_eq!(pet_id.schema.type_label, "integer (int64)");
    assert_eq!(pet_id.schema.constraints, ["minimum 1"]);
    let ok = &rendered.responses[0];
    assert_eq!(ok.status, "200");
    let tree = ok.contents[0].schema.as_ref().expect("schema");
    assert_eq!(tree.type_label, "object (Pet)");
    let field = |name: &str| {
        tree.children
            .iter()
            .find(|c| c.name.as_deref() == Some(name))
            .expect(name)
    };
    assert!(field("name").required);
    assert_eq!(field("kind").constraints, ["one of: dog, cat"]);
    assert_eq!(
        field("parent").note.as_deref(),
        Some("Pet again (it contains itself)")
    );
    assert_eq!(field("friends").type_label, "array of Pet");
    assert!(
        field("owner")
            .type_label
            .starts_with("unresolved reference")
    );
    assert_eq!(field("shape").type_label, "one of");
    assert_eq!(field("shape").children[0].name.as_deref(), Some("Circle"));
    let example: serde_json::Value =
        serde_json::from_str(ok.contents[0].example.as_deref().expect("example")).expect("json");
    assert_eq!(example["name"], "Rex");
    assert_eq!(example["kind"], "dog");
}

#[test]
fn all_of_merges_fields_and_the_body_is_checkable() {
    let doc = petstore();
    let renderer = Renderer { document: &doc };
    let rendered = renderer.operation(&doc.operations[0]);
    let body = rendered.request_body.as_ref().expect("body");
    assert!(body.required);
    let tree = body.contents[0].schema.as_ref().expect("schema");
    let names: Vec<_> = tree
        .children
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert!(
        names.contains(&"name") && names.contains(&"note"),
        "{names:?}"
    );
    // The console checks bodies against the schema with its references resolved.
    let validation = body.contents[0]
        .validation
        .as_ref()
        .expect("validation schema");
    assert!(!validation.to_string().contains("$ref"), "{validation}");
    assert!(
        app::tryit::validate::check_body(validation, "{\"name\": \"Rex\", \"note\": \"hi\"}")
            .is_empty()
    );
    assert!(!app::tryit::validate::check_body(validation, "{\"name\": 5}").is_empty());
    assert!(
        rendered
            .responses
            .iter()
            .all(|r| r.contents.iter().all(|m| m.validation.is_none())),
        "only request bodies are checked"
    );
}

#[test]
fn syntax_errors_say_where() {
    let error = parse("{\n  \"openapi\": \"3.0.0\",\n  \"info\": {,\n}").expect_err("bad JSON");
    assert!(error.0.contains("line 3"), "{error}");
    let error = parse("openapi: 3.0.0\ninfo:\n  title: [unclosed\n").expect_err("bad YAML");
    assert!(error.0.contains("line"), "{error}");
    assert!(parse("").expect_err("empty").0.contains("empty"));
    assert!(
        parse("[1, 2]")
            .expect_err("array")
            .0
            .contains("must be an object")
    );
}

#[test]
fn versions_we_cannot_read_are_named() {
    let error = parse(r#"{"openapi": "4.0.0", "info": {}, "paths": {}}"#).expect_err("4.0");
    assert!(
        error.0.contains("OpenAPI 4.0.0 is not supported"),
        "{error}"
    );
    let error = parse(r#"{"swagger": "1.2"}"#).expect_err("1.2");
    assert!(
        error.0.contains("Swagger \"1.2\" is not supported"),
        "{error}"
    );
    let error = parse(r#"{"info": {"title": "x"}}"#).expect_err("no version");
    assert!(error.0.contains("not an OpenAPI document"), "{error}");
    let error = parse(r#"{"openapi": "3.1.0", "paths": []}"#).expect_err("paths");
    assert!(error.0.contains("at /paths"), "{error}");
}

#[test]
fn swagger_2_bodies_and_servers_are_understood() {
    let doc = parse(
        &json!({
            "swagger": "2.0",
            "info": {"title": "Old", "version": "1"},
            "host": "api.example.com",
            "basePath": "/v2",
            "schemes": ["https"],
            "consumes": ["application/json"],
            "securityDefinitions": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
            "paths": {
                "/orders": {
                    "post": {
                        "operationId": "create order",
                        "parameters": [
                            {"in": "body", "name": "order", "required": true, "schema": {"$ref": "#/definitions/Order"}},
                            {"in": "query", "name": "dry", "type": "boolean"}
                        ],
                        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Order"}}}
                    },
                    "get": {"operationId": "create order", "responses": {}}
                }
            },
            "definitions": {"Order": {"type": "object", "properties": {"id": {"type": "string"}}}}
        })
        .to_string(),
    )
    .expect("swagger 2 parses");
    assert!(doc.swagger2);
    assert_eq!(doc.operations[0].id, "create-order");
    assert_eq!(
        doc.operations[1].id, "create-order-2",
        "duplicate ids are made unique"
    );
    let renderer = Renderer { document: &doc };
    assert_eq!(
        renderer.servers(None, None)[0].url,
        "https://api.example.com/v2"
    );
    assert_eq!(
        renderer.servers(Some("https://sb"), None)[0].label,
        "Sandbox"
    );
    let auth = renderer.auth_schemes();
    assert_eq!(auth[0].kind, "API key in header X-Key");
    let post = doc
        .operations
        .iter()
        .find(|o| o.method == "post")
        .expect("post");
    let rendered = renderer.operation(post);
    assert_eq!(rendered.parameters.len(), 1, "the body is not a parameter");
    let body = rendered.request_body.as_ref().expect("body");
    assert_eq!(body.contents[0].media_type, "application/json");
    assert_eq!(
        rendered.responses[0].contents[0]
            .schema
            .as_ref()
            .expect("schema")
            .type_label,
        "object (Order)"
    );
}

#[test]
fn pointers_are_escaped_and_resolved() {
    let root = json!({"paths": {"/a/{b}": {"get": {"x": 1}}}});
    assert_eq!(pointer_segment("/a/{b}"), "~1a~1{b}");
    assert_eq!(
        resolve_local(&root, "#/paths/~1a~1%7Bb%7D/get/x"),
        Some(&json!(1))
    );
    assert_eq!(resolve_local(&root, "#/nope"), None);
    assert_eq!(resolve_local(&root, "other.yaml#/x"), None);
}

#[test]
fn deep_documents_do_not_overflow() {
    let mut text = String::from(
        "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"d\",\"version\":\"1\"},\"paths\":{},\"x\":",
    );
    text.push_str(&"[".repeat(100));
    text.push_str(&"]".repeat(100));
    text.push('}');
    let doc = parse(&text).expect("deep but within limits");
    assert!(doc.operations.is_empty());
    let too_deep = format!(
        "{{\"openapi\":\"3.0.0\",\"x\":{}{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert!(parse(&too_deep).is_err());
}

#[test]
fn wide_schemas_stay_within_their_budgets() {
    // Each level refers twice to the next: 2^20 paths if nothing stopped the walk.
    let mut schemas = serde_json::Map::new();
    for level in 0..20 {
        let next = format!("#/components/schemas/L{}", level + 1);
        schemas.insert(
            format!("L{level}"),
            json!({"allOf": [{"$ref": next}, {"$ref": next}], "properties": {"a": {"$ref": next}, "b": {"$ref": next}}}),
        );
    }
    schemas.insert("L20".into(), json!({"type": "string"}));
    let doc = parse(
        &json!({
            "openapi": "3.0.0",
            "info": {"title": "W", "version": "1"},
            "components": {"schemas": schemas},
            "paths": {"/w": {"get": {"responses": {"200": {"description": "x", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/L0"}}}}}}}}
        })
        .to_string(),
    )
    .expect("parses");
    let started = std::time::Instant::now();
    let rendered = Renderer { document: &doc }.operation(&doc.operations[0]);
    assert!(rendered.responses[0].contents[0].schema.is_some());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
}
