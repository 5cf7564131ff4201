import type { Block } from 'payload'

import { CallToActionBlock } from './CallToAction/config.ts'
import { CaseStudyListBlock } from './CaseStudyList/config.ts'
import { GalleryBlock } from './Gallery/config.ts'
import { ImageBlock } from './Image/config.ts'
import { Model3DBlock } from './Model3D/config.ts'
import { QuoteBlock } from './Quote/config.ts'
import { RichTextBlock } from './RichText/config.ts'
import { ServiceListBlock } from './ServiceList/config.ts'
import { StatsBlock } from './Stats/config.ts'
import { VideoBlock } from './Video/config.ts'

/** The blocks a page's `layout` offers, in the order the admin lists them. */
export const layoutBlocks: Block[] = [
  RichTextBlock,
  ImageBlock,
  GalleryBlock,
  StatsBlock,
  QuoteBlock,
  CallToActionBlock,
  ServiceListBlock,
  CaseStudyListBlock,
  Model3DBlock,
  VideoBlock,
]
