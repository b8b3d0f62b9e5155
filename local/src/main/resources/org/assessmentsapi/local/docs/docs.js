// Starts Swagger UI on the contract served beside this page.
//
// Invariants:
// - Every request goes to the local runner that served this page (the document's servers name port 3000, which
//   PORT may change; the page's Content-Security-Policy allows no other origin anyway).
// - With the development issuer, the page carries a token in <meta name="dev-token">: "Try it out" is
//   pre-authorized with it for each security scheme of the document that a bearer access token satisfies (HTTP
//   bearer, OAuth 2.0, OpenID Connect). The schemes and their names are read from the document at run time, so
//   renaming or changing a scheme in docs/openapi.yaml needs no change here (DocsPageBrowserIT checks both).
//   Without that meta (a configured issuer) nothing is pre-authorized: use "Authorize" with a token of your issuer.
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

  // Each scheme a bearer access token satisfies, as {name, schema, kind}; the kind decides how it is authorized.
  function tokenSchemes(ui) {
    var schemes = ui.specSelectors.specJson().getIn(['components', 'securitySchemes']);
    var found = [];
    if (schemes) {
      schemes.forEach(function (scheme, name) {
        var type = scheme.get('type');
        if (type === 'http' && String(scheme.get('scheme')).toLowerCase() === 'bearer') {
          found.push({ name: name, schema: scheme, kind: 'bearer' });
        } else if (type === 'oauth2' || type === 'openIdConnect') {
          found.push({ name: name, schema: scheme, kind: 'oauth2' });
        }
      });
    }
    return found;
  }

  function preauthorize(ui) {
    var schemes = token ? tokenSchemes(ui) : [];
    schemes.forEach(function (scheme) {
      if (scheme.kind === 'bearer') {
        ui.preauthorizeApiKey(scheme.name, token);
      } else {
        ui.authActions.authorizeOauth2({
          auth: { name: scheme.name, schema: scheme.schema.toJS() },
          token: { access_token: token, token_type: 'Bearer' }
        });
      }
    });
    // What the page did, for people reading the DOM and for the browser test.
    document.body.setAttribute('data-preauthorized', schemes.map(function (scheme) {
      return scheme.name;
    }).join(' '));
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
