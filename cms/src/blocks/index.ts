import type { Block } from 'payload'

import { CallToActionBlock } from './CallToAction/config.ts'
import { CaseStudyListBlock } from './CaseStudyList/config.ts'
import { GalleryBlock } from './Gallery/config.ts'
import { ImageBlock } from './Image/config.ts'
import { QuoteBlock } from './Quote/config.ts'
import { RichTextBlock } from './RichText/config.ts'
import { ServiceListBlock } from './ServiceList/config.ts'
import { StatsBlock } from './Stats/config.ts'

/**
 * The blocks a page's `layout` offers, in the order the admin lists them. The 3D-model block joins
 * once the models collection exists (issue 4).
 */
export const layoutBlocks: Block[] = [
  RichTextBlock,
  ImageBlock,
  GalleryBlock,
  StatsBlock,
  QuoteBlock,
  CallToActionBlock,
  ServiceListBlock,
  CaseStudyListBlock,
]
