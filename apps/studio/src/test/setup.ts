import { configure } from "@testing-library/react";

// `findBy…` and `waitFor` wait for what a panel does after a (fake) server
// answers. One second is plenty on an idle machine, but not while the whole
// suite runs on two busy cores; five keeps the tests about behaviour, not speed.
configure({ asyncUtilTimeout: 5000 });
