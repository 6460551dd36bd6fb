// Tests build their fixture histories with the same builder the demo repository uses.
export { gitDate, PEOPLE, type CommitSpec, type Person, RepoBuilder, testGitEnv } from '../../src/demo/RepoBuilder.js';
