// The demo study's public face: the loaders and the accounts they create.
export { type LoadDemoOptions, type LoadDemoResult, loadDemoStudy, loadDemoStudyCopy } from "./load";
export { DEMO_PASSWORD, type DemoLogin, demoLogins } from "./users";
