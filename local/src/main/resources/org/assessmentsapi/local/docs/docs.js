// Starts Swagger UI on the contract served beside this page.
//
// Invariants:
// - Every request goes to the local runner that served this page (the document's servers name port 3000, which
//   PORT may change; the page's Content-Security-Policy allows no other origin anyway).
// - With the development issuer, the page carries a token in <meta name="dev-token">: "Try it out" is
//   pre-authorized with it for each HTTP bearer scheme the document declares. The scheme names are read from the
//   document at run time, so renaming a scheme in docs/openapi.yaml needs no change here. Without that meta
//   (a configured issuer) nothing is pre-authorized: use "Authorize" with a token of your issuer.
(function () {
  'use strict';
  var tokenMeta = document.querySelector('meta[name="dev-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute('content') : '';

  function toThisRunner(request) {
    var target = new URL(request.url, window.location.href);
    if (target.origin !== window.location.origin) {
      request.url = window.location.origin + target.pathname + target.search;
    }
    return request;
  }

  function bearerSchemeNames(ui) {
    var schemes = ui.specSelectors.specJson().getIn(['components', 'securitySchemes']);
    var names = [];
    if (schemes) {
      schemes.forEach(function (scheme, name) {
        if (scheme.get('type') === 'http' && String(scheme.get('scheme')).toLowerCase() === 'bearer') {
          names.push(name);
        }
      });
    }
    return names;
  }

  function preauthorize(ui) {
    var names = token ? bearerSchemeNames(ui) : [];
    names.forEach(function (name) {
      ui.preauthorizeApiKey(name, token);
    });
    // What the page did, for people reading the DOM and for the browser test.
    document.body.setAttribute('data-preauthorized', names.join(' '));
  }

  window.ui = SwaggerUIBundle({
    url: '/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    displayRequestDuration: true,
    requestInterceptor: toThisRunner,
    onComplete: function () {
      preauthorize(window.ui);
    }
  });
})();
