// Registers the @sa11y/jest matchers (toBeAccessible) for every LWC test.
import { setup } from '@sa11y/jest';

setup();
