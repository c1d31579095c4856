import { sampleFeed } from './feed'

/** Stops the run at once when the build under test ships another feed than the tests' own. */
export default function globalSetup() {
  sampleFeed()
}
