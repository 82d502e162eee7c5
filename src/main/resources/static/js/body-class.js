// Runs first in <body>: tells govuk-frontend's CSS that JavaScript is available
// (an external file, because the Content-Security-Policy allows no inline script).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
