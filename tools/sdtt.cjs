// structured-data-testing-tool's checks (presets Google and SocialMedia) on one URL, printed as JSON.
// Its command-line tool writes --output only when a check fails: on a page that passes, it throws while
// writing and reports "Unable to fetch content". tools/validators.py calls the library through this instead.
const { structuredDataTest } = require("structured-data-testing-tool");
const { Google, SocialMedia } = require("structured-data-testing-tool/presets");

structuredDataTest(process.argv[2], { presets: [Google, SocialMedia] })
  .catch((error) => {
    if (error.type === "VALIDATION_FAILED") return error.res;
    throw error;
  })
  .then((result) => process.stdout.write(JSON.stringify({ failed: result.failed, warnings: result.warnings })));
