// Swagger UI over Mend's own OpenAPI document (served by WildFly at /openapi), in place of the webjar's initializer,
// which points at a public example. Same origin: the page's session cookie goes with "Try it out".
window.ui = SwaggerUIBundle({
    url: '/openapi?format=JSON',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    validatorUrl: null,
});
