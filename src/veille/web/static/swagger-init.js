// Starts Swagger UI on /docs (a static file: the Content-Security-Policy forbids inline scripts).
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,          // never ask validator.swagger.io
    tryItOutEnabled: false,
  });
})();
