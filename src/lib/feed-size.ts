/** How many of the newest articles a feed carries (also what a sharded build renders the bodies of in every shard). */
export const FEED_SIZE = 30;
